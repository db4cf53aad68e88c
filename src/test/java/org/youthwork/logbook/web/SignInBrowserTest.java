package org.youthwork.logbook.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web app in Debian's headless Chromium at a phone's width. Where Chromium or its driver is missing, the browser
 * tests are skipped (the served page is still checked).
 */
@QuarkusTest
class SignInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "a long enough password";

    @TestHTTPResource("/")
    URL app;

    private WebDriver browser;
    private Path profile;

    @BeforeAll
    static void asAdmin() {
        Api.asAdmin();
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void shouldServeTheAppAtTheRootAndStillAnswerUnknownApiPathsWithAProblem() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html")).body(containsString("<logbook-app>"));
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldSignInAndShowWhoIsSignedIn() {
        String username = worker();
        open();
        signIn(username, PASSWORD);
        WebElement shown = waitFor(By.id("me-username"));
        assertEquals(username, shown.getText());
        assertEquals("Youth worker", browser.findElement(By.id("me-role")).getText());
        assertEquals("Web centre", waitForText(By.id("me-organisation"), "Web centre").getText());
        assertTrue(!token().isEmpty(), "the token is kept in sessionStorage");
        assertEquals(0L, script("return localStorage.length;"), "nothing is kept in localStorage");
        screenshot("home");

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("username"));
        assertEquals("", token());
    }

    @Test
    void shouldShowTheMessageAtTheFormForAWrongPassword() {
        String username = worker();
        open();
        signIn(username, "not the password");
        WebElement error = waitFor(By.id("sign-in-error"));
        assertEquals("The username or the password is wrong.", error.getText());
        assertEquals(username, browser.findElement(By.id("username")).getAttribute("value"), "what was typed stays");
        screenshot("sign-in-wrong-password");
    }

    @Test
    void shouldChangeTheLabelsWithTheLanguageSwitch() {
        open();
        assertEquals("Username", label("username"));
        new Select(browser.findElement(By.id("language"))).selectByValue("sl");
        assertEquals("Uporabniško ime", label("username"));
        assertEquals("Geslo", label("password"));
        assertEquals("sl", script("return document.documentElement.lang;"));
        screenshot("sign-in-sl");
        new Select(browser.findElement(By.id("language"))).selectByValue("bg");
        assertEquals("Потребителско име", label("username"));
        screenshot("sign-in-bg");
    }

    @Test
    void shouldNotScrollSidewaysAt360Pixels() {
        open();
        screenshot("sign-in");
        assertEquals(360L, script("return window.innerWidth;"));
        assertTrue((Long) script("return document.documentElement.scrollWidth;") <= 360, "sign-in page fits 360 px");
        signIn(worker(), PASSWORD);
        waitFor(By.id("me-username"));
        assertTrue((Long) script("return document.documentElement.scrollWidth;") <= 360, "home fits 360 px");
    }

    private String worker() {
        String organisation = Api.createOrganisation("Web centre", "SI-133", true);
        String username = "web-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, PASSWORD, "YOUTH_WORKER", "organisationId", organisation);
        return username;
    }

    private void open() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        try {
            profile = Files.createTempDirectory("logbook-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=360,800", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Headless Chromium keeps its window at least 500 px wide: the phone's width is emulated instead.
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        browser = chrome;
        browser.get(app.toString());
        waitFor(By.id("username"));
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-submit")).click();
    }

    private String label(String field) {
        return browser.findElement(By.cssSelector("label[for='" + field + "']")).getText();
    }

    private String token() {
        Object token = script("return sessionStorage.getItem('logbook.token') || '';");
        return (String) token;
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(by, text));
        return browser.findElement(by);
    }

    private void screenshot(String page) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
