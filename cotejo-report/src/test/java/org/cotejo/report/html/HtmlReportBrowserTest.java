package org.cotejo.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.cotejo.correlation.cluster.Cluster;
import org.cotejo.correlation.model.DeviceRef;
import org.cotejo.report.RenderedSample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report opened in Debian's headless Chromium: it loads without console errors, asks for
 * nothing beyond itself, and shows its sections, figures and the clustered devices. Skips where
 * /usr/bin/chromedriver is missing (.ci/run installs it). The page is served from 127.0.0.1 so that
 * every request the browser makes is visible in its performance log.
 */
class HtmlReportBrowserTest {
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static HttpServer server;
    private static ChromeDriver browser;
    private static String pageUrl;
    private static List<String> requests;
    private static List<LogEntry> console;
    private static final List<String> served = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void openTheReport() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(Path.of("/usr/bin/chromium")),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        byte[] html = RenderedSample.of("en").html().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            served.add(exchange.getRequestURI().getPath());
            boolean page = exchange.getRequestURI().getPath().equals("/report.html");
            byte[] body = page ? html : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page ? 200 : 404, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        pageUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/report.html";

        // The property alone keeps Selenium Manager from trying to download a browser and driver.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1000,1400",
                "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(ChromeDriverService.createDefaultService(), o);
        browser.get(pageUrl);
        requests = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = json.readTree(e.getMessage()).path("message");
            // Only what the report's document asked for; the browser's own start page loads chrome:// resources first.
            if (m.path("method").asText().equals("Network.requestWillBeSent") && m.path("params").path("documentURL").asText().equals(pageUrl)) {
                requests.add(m.path("params").path("request").path("url").asText());
            }
        }
        console = browser.manage().logs().get(LogType.BROWSER).getAll();
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
        if (server != null) server.stop(0);
    }

    @Test
    void loadsWithoutConsoleErrors() {
        assertThat(console).filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).isEmpty();
    }

    @Test
    void makesNoRequestBeyondThePageItself() {
        assertThat(requests).contains(pageUrl);
        assertThat(requests).allMatch(u -> u.equals(pageUrl) || u.startsWith("data:"), "only the page (or inline data)");
        assertThat(served).containsOnly("/report.html");
    }

    @Test
    void showsEverySectionAndItsFigures() {
        for (String id : HtmlReport.SECTIONS) assertThat(browser.findElements(By.id(id))).as(id).hasSize(1);
        assertThat(browser.findElements(By.tagName("svg")).size()).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.id("graph")).size() + browser.findElements(By.id("graph-summary")).size()).isEqualTo(1);
        assertThat(browser.findElements(By.id("cluster-timeline"))).hasSize(1);
    }

    @Test
    void showsTheClusteredDevicesAndKeepsAScreenshot() throws Exception {
        String text = browser.findElement(By.tagName("body")).getText();
        for (Cluster c : RenderedSample.of("en").report().comparison().clusters()) {
            for (DeviceRef d : c.devices()) assertThat(text).contains(d.label());
        }
        Path dir = Path.of("target", "report-screenshots");
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve("report-en.png"), png);
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        browser.executeScript("document.getElementById('comparison').scrollIntoView()");
        Files.write(dir.resolve("report-en-comparison.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
