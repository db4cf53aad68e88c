package org.youthwork.logbook.web;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.youthwork.logbook.Api;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every browser test needs: Debian's headless Chromium at a phone's width, signing in, waiting, screenshots,
 * the 360 px check and axe-core. Where Chromium or its driver is missing, {@link #open()} skips the test.
 */
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PASSWORD = "a long enough password";

    private static String axe;

    @TestHTTPResource("/")
    URL app;

    ChromeDriver browser;
    private Path profile;

    @BeforeAll
    static void asAdmin() {
        Api.asAdmin();
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }

    /** A new member centre in Velenje (SI-133), answering its id. */
    static String centre(String name) {
        return Api.createOrganisation(name, "SI-133", true);
    }

    /** A new account of that role in that centre, answering its username; its password is {@link #PASSWORD}. */
    static String account(String role, String organisationId) {
        return account(role, "organisationId", organisationId);
    }

    /**
     * A new account of that role and scope, e.g. ("MUNICIPALITY", "municipalityCode", "SI-133") or
     * ("NETWORK_COORDINATOR", "country", "SI"), answering its username; its password is {@link #PASSWORD}.
     */
    static String account(String role, String scope, String value) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, PASSWORD, role, scope, value);
        return username;
    }

    /** Starts Chromium on the app, 360 px wide, in English, with a fresh profile; skips when Chromium is missing. */
    void open() {
        launch(profile == null ? newProfile() : profile);
        browser.get(app.toString());
        waitFor(By.cssSelector("logbook-app header"));
    }

    /** Closes Chromium and starts it again on the same profile: what the device keeps survives, the tab's token does not. */
    void reopen() {
        browser.quit();
        launch(profile);
        browser.get(app.toString());
        waitFor(By.cssSelector("logbook-app header"));
    }

    private Path newProfile() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        try {
            profile = Files.createTempDirectory("logbook-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return profile;
    }

    private void launch(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=360,800", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        // Headless Chromium keeps its window at least 500 px wide: the phone's width is emulated instead.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        // Anything the Content-Security-Policy blocks is collected, so a page that only works without it fails.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    /** Opens the app and signs in, waiting for the navigation. */
    void signedIn(String username) {
        open();
        signIn(username, PASSWORD);
        waitFor(By.id("sign-out"));
    }

    void signIn(String username, String password) {
        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-submit")).click();
    }

    /** Goes to a page of the app by its hash, e.g. "#/sessions". */
    void go(String hash) {
        browser.get(app.toString() + hash);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(by, text));
        return browser.findElement(by);
    }

    /** Lets Chromium save the page's downloads into a new folder, and answers it. */
    Path allowDownloads() {
        try {
            Path folder = Files.createTempDirectory("logbook-downloads");
            browser.executeCdpCommand("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks the button and answers the file it downloads into that folder, once Chromium has finished it. */
    Path download(String buttonId, Path folder) {
        try (var before = Files.list(folder)) {
            assertEquals(0, before.count(), "the folder holds only this download");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebElement button = waitFor(By.id(buttonId));
        script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> {
            try (var files = Files.list(folder)) {
                List<Path> done = files.filter(f -> !f.toString().endsWith(".crdownload")).toList();
                return done.size() == 1 ? done.get(0) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The page as it is now passes axe and fits 360 px, and its screenshot is saved under that name. */
    void checkPage(String state, String screenshotName) {
        checkPage(state);
        screenshot(screenshotName);
    }

    /** The page as it is now passes axe and fits 360 px. */
    void checkPage(String state) {
        assertAccessible(state);
        assertFits360(state);
    }

    /** The page fits 360 px: nothing makes it scroll sideways. */
    void assertFits360(String page) {
        // A phone widens its viewport to content that does not fit: either number says the page is too wide.
        long viewport = (Long) script("return window.innerWidth;");
        long width = (Long) script("return document.documentElement.scrollWidth;");
        assertTrue(viewport == 360 && width <= 360, page + " is " + Math.max(viewport, width) + " px wide at 360 px, "
                + "because of " + script("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > 360.5 && ![...e.children].some(c => c.getBoundingClientRect().right > 360.5))"
                + ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')"
                + " + ' (' + Math.round(e.getBoundingClientRect().right) + ' px): ' + (e.textContent || '').trim().slice(0, 60));"));
    }

    /**
     * axe-core (npm's, as Deque packs it) finds no serious or critical violation on the page as it is now, and the
     * Content-Security-Policy blocked nothing.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        if (script("return typeof window.axe;").equals("undefined")) {
            script(axeSource());
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))), e => done([{id: 'axe-error', help: String(e)}]));");
        assertTrue(violations.isEmpty(), page + ": axe found " + violations);
        assertEquals(List.of(), script("return window.cspViolations || [];"), page + ": blocked by the Content-Security-Policy");
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    /** Saves what the browser shows as target/screenshots/{page}.png, a test artefact. */
    void screenshot(String page) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
