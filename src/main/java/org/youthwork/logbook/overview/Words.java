package org.youthwork.logbook.overview;

import org.youthwork.logbook.session.Labels;

/** The words of the downloads (sheet names, headings, the About sheet) in the languages the service speaks. */
enum Words {
    // sheets
    TOTALS("Totals", "Skupaj", "Общо"),
    BY_MONTH("By month", "Po mesecih", "По месеци"),
    METHODS("Methods", "Metode dela", "Методи"),
    THEMES("Themes", "Teme", "Теми"),
    SETTINGS("Where held", "Kraj izvedbe", "Място"),
    AGE_BANDS("Age bands", "Starostne skupine", "Възрастови групи"),
    GENDERS("Genders", "Spol", "Пол"),
    AGE_BANDS_BY_GENDER("Age bands by gender", "Starost po spolu", "Възраст по пол"),
    ORGANISATIONS("Organisations", "Organizacije", "Организации"),
    MUNICIPALITIES("Municipalities", "Občine", "Общини"),
    REGIONS("Regions", "Regije", "Региони"),
    INDICATOR("Indicator 2.2.3", "Kazalnik 2.2.3", "Показател 2.2.3"),
    COMPLETENESS("2.2.3 by month", "2.2.3 po mesecih", "2.2.3 по месеци"),
    NOT_REGULAR("Not recording regularly", "Ne beležijo redno", "Не записват редовно"),
    ANNUAL_ANALYSIS("Annual analysis", "Letna analiza", "Годишен анализ"),
    ABOUT("About", "O podatkih", "За данните"),
    // headings
    MUNICIPALITY("Municipality", "Občina", "Община"),
    REGION("Region", "Regija", "Регион"),
    COUNTRY("Country", "Država", "Държава"),
    ORGANISATION("Organisation", "Organizacija", "Организация"),
    CODE("Code", "Šifra", "Код"),
    MUNICIPALITY_CODE("Municipality code", "Šifra občine", "Код на общината"),
    ORGANISATION_ID("Organisation ID", "ID organizacije", "ID на организацията"),
    MONTH("Month", "Mesec", "Месец"),
    METHOD("Method", "Metoda dela", "Метод"),
    THEME("Theme", "Tema", "Тема"),
    SETTING("Where held", "Kraj izvedbe", "Място"),
    AGE_BAND("Age band", "Starostna skupina", "Възрастова група"),
    GENDER("Gender", "Spol", "Пол"),
    SESSIONS("Sessions", "Srečanja", "Срещи"),
    HOURS("Hours", "Ure", "Часове"),
    MINUTES("Minutes", "Minute", "Минути"),
    YOUTH_WORKER_HOURS("Youth-worker hours", "Ure mladinskih delavcev", "Часове на младежките работници"),
    YOUTH_WORKER_MINUTES("Youth-worker minutes", "Minute mladinskih delavcev", "Минути на младежките работници"),
    PARTICIPANTS("Participants", "Udeleženci", "Участници"),
    FIRST_TIME("First-time participants", "Prvič udeleženi", "Участващи за първи път"),
    UNORGANISED("Unorganised young people", "Neorganizirani mladi", "Неорганизирани млади хора"),
    FEWER_OPPORTUNITIES("Young people with fewer opportunities", "Mladi z manj priložnostmi", "Млади хора с по-малко възможности"),
    YOUTH_LED_SESSIONS("Youth-led sessions", "Srečanja, ki so jih vodili mladi", "Срещи, водени от млади хора"),
    YOUTH_LED_HOURS("Youth-led hours", "Ure srečanj, ki so jih vodili mladi", "Часове на срещите, водени от млади хора"),
    YOUTH_LED_MINUTES("Youth-led minutes", "Minute srečanj, ki so jih vodili mladi", "Минути на срещите, водени от млади хора"),
    ORGANISATIONS_TOTAL("Organisations with sessions", "Organizacije s srečanji", "Организации със срещи"),
    MONTHS_RECORDED("Months recorded", "Meseci z vpisi", "Месеци със записи"),
    MEMBERS("Member organisations", "Članice mreže", "Членуващи организации"),
    RECORDING("Recording organisations", "Članice z vpisi", "Организации със записи"),
    REGULARLY_RECORDING("Recording regularly", "Redno beležijo", "Записват редовно"),
    MONTHS_REQUIRED("Months required", "Potrebni meseci", "Необходими месеци"),
    REGULAR("Records regularly", "Beleži redno", "Записва редовно"),
    MONTHS_COUNTED("Months counted", "Upoštevani meseci", "Отчетени месеци"),
    AS_OF("As of", "Stanje na dan", "Към дата"),
    MUNICIPALITIES_COVERED("Municipalities covered", "Pokrite občine", "Обхванати общини"),
    YES("Yes", "Da", "Да"),
    NO("No", "Ne", "Не"),
    // the About sheet
    WHAT("What", "Kaj", "Какво"),
    MEANING("Meaning", "Pomen", "Значение"),
    AREA("Area", "Območje", "Територия"),
    PERIOD("Period", "Obdobje", "Период"),
    YEAR("Year", "Leto", "Година"),
    FIGURES("Figures", "Podatki", "Данни"),
    FINAL("Final: every year of the period is closed.", "Končni: vsa leta obdobja so zaključena.",
            "Окончателни: всички години от периода са приключени."),
    PROVISIONAL("Provisional: sessions of the period may still be logged or corrected.",
            "Začasni: srečanja iz obdobja se lahko še vpisujejo ali popravljajo.",
            "Предварителни: срещите от периода още могат да се въвеждат или поправят."),
    ABOUT_SESSIONS("Sessions held in the area in the period; for an organisation, its sessions wherever they were held.",
            "Srečanja, izvedena na območju v obdobju; pri organizaciji njena srečanja, kjer koli so bila izvedena.",
            "Срещи, проведени на територията през периода; за организация – нейните срещи, където и да са проведени."),
    ABOUT_HOURS("Hours = minutes ÷ 60, rounded to two decimals; the minutes beside them are exact.",
            "Ure = minute ÷ 60, zaokroženo na dve decimalki; minute ob njih so natančne.",
            "Часове = минути ÷ 60, закръглени до два знака след десетичната запетая; минутите до тях са точни."),
    ABOUT_YOUTH_WORKER_HOURS("Each session's minutes × its youth workers ÷ 60.",
            "Minute vsakega srečanja × število njegovih mladinskih delavcev ÷ 60.",
            "Минутите на всяка среща × броя на младежките ѝ работници ÷ 60."),
    ABOUT_PARTICIPANTS("Contacts, not persons: a young person who came to three sessions counts three times. So do "
            + "first-time participants, unorganised young people and young people with fewer opportunities.",
            "Stiki, ne osebe: mlada oseba, ki je prišla na tri srečanja, šteje trikrat. Enako velja za prvič udeležene, "
                    + "neorganizirane mlade in mlade z manj priložnostmi.",
            "Контакти, а не лица: млад човек, дошъл на три срещи, се брои три пъти. Същото важи за участващите за първи "
                    + "път, неорганизираните млади хора и младите хора с по-малко възможности."),
    ABOUT_METHODS("A session with several methods or themes counts in full under each, so methods and themes add up "
            + "to more than the totals.",
            "Srečanje z več metodami ali temami šteje v celoti pri vsaki, zato je vsota po metodah in temah večja od skupne.",
            "Среща с няколко метода или теми се брои изцяло при всеки от тях, затова сборът по методи и теми е по-голям от общия."),
    ABOUT_YOUTH_LED("Youth-led: sessions that young people ran or co-created.",
            "Vodili mladi: srečanja, ki so jih mladi vodili ali soustvarjali.",
            "Водени от млади хора: срещи, които млади хора са водили или съсъздали."),
    ABOUT_ORGANISATIONS_LISTED("The organisations sheet lists the %d with the most sessions, of %d in all.",
            "List organizacij navaja %d z največ srečanji od vseh %d.",
            "Листът с организации показва %d с най-много срещи от общо %d."),
    ABOUT_INDICATOR("Indicator 2.2.3: the share of the network's member organisations based in the area that record "
            + "regularly, with at least one session in at least ⌈0.75 × months counted⌉ distinct months; the months "
            + "counted are those of the period up to the as-of date.",
            "Kazalnik 2.2.3: delež članic mreže s sedežem na območju, ki beležijo redno, torej imajo vsaj eno srečanje "
                    + "v vsaj ⌈0,75 × upoštevani meseci⌉ različnih mesecih; upoštevajo se meseci obdobja do dneva stanja.",
            "Показател 2.2.3: делът на членуващите в мрежата организации със седалище на територията, които записват "
                    + "редовно – поне една среща в поне ⌈0,75 × отчетените месеци⌉ различни месеца; отчитат се месеците "
                    + "от периода до датата на данните."),
    ABOUT_ANNUAL("One row per member organisation of the country, those without sessions with zeros; an "
            + "organisation's sessions count wherever they were held. Months recorded: distinct calendar months with "
            + "at least one session.",
            "Ena vrstica za vsako članico mreže v državi, tudi za tiste brez srečanj (z ničlami); srečanja organizacije "
                    + "štejejo, kjer koli so bila izvedena. Meseci z vpisi: različni koledarski meseci z vsaj enim srečanjem.",
            "По един ред за всяка членуваща организация в държавата, включително тези без срещи (с нули); срещите на "
                    + "организацията се броят, където и да са проведени. Месеци със записи: различни календарни месеци с "
                    + "поне една среща.");

    private final Labels labels;

    Words(String en, String sl, String bg) {
        this.labels = new Labels(en, sl, bg);
    }

    String in(String language) {
        return labels.in(language);
    }
}
