package shop.local.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.local.ApiReplay;
import shop.local.LocalRuntime;
import shop.local.json.Json;
import shop.template.SamTemplate;

/**
 * The live view in headless Chromium against the real template's system running in this JVM: what a person does on the
 * page (place an order, arm the fault switch, redrive) and what they must see (every subscriber's outcome in words,
 * dead letters, orders placed elsewhere appearing without a reload).
 */
class LiveViewBrowserIT {

    /** Bound on every wait: generous for a loaded 2-core machine, never reached when things work. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String SAMPLE = "post-order-rewards-signup.json";

    @TempDir
    static Path data;

    @TempDir
    static Path browserProfile;

    private static LocalRuntime runtime;
    private static LiveView view;
    private static WebDriver browser;
    private static WebDriverWait waiting;

    @BeforeAll
    static void start() {
        Path template = SamTemplate.locateConfigured();
        runtime = LocalRuntime.start(LocalRuntime.Settings.of(template)
                .port(0)
                .data(data, true)
                .retrySpeedUp(6000)
                .parameters(Map.of("SenderAddress", "orders@shop.example"))
                .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)
                .build());
        view = LiveView.start(runtime, 0);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--user-data-dir=" + browserProfile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        // A laptop screen: the page must work at this size.
        browser.manage().window().setSize(new Dimension(1366, 900));
        waiting = new WebDriverWait(browser, PATIENCE);
    }

    @BeforeEach
    void openThePage() {
        browser.get(view.uri().toString());
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "connected"));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                Path screenshot = Path.of(System.getProperty("live-view.screenshot", "target/live-view.png"));
                Files.createDirectories(screenshot.toAbsolutePath().getParent());
                Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
                browser.quit();
            }
        } finally {
            if (view != null) {
                view.close();
            }
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    @Test
    void anOrderPlacedOnThePageReachesEverySubscriber() {
        String orderId = placeOnThePage();

        for (String subscriber : subscribers()) {
            waiting.until(ExpectedConditions.presenceOfElementLocated(outcome(orderId, subscriber, "ok")));
        }
        assertThat(subscribers()).hasSize(4);
        WebElement item = browser.findElement(order(orderId));
        // Full names and outcomes as words, not colour alone.
        assertThat(item.getText()).contains(orderId).contains("EmailFunction ✓ ok");
        // The journey opened on placing: the email as the subscriber wrote it.
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("journey-body"), "Subject:"));
    }

    @Test
    void anArmedFaultEndsInADeadLetterThatRedriveDelivers() {
        String subscriber = subscribers().get(1);
        int attempts = runtime.deployment().function(subscriber).retries() + 1;
        new Select(browser.findElement(By.id("fault-function"))).selectByVisibleText(subscriber);
        WebElement count = browser.findElement(By.id("fault-count"));
        count.clear();
        count.sendKeys(Integer.toString(attempts));
        browser.findElement(By.id("arm-fault")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("faults-armed"), subscriber));

        String orderId = placeOnThePage();

        waiting.until(ExpectedConditions.presenceOfElementLocated(outcome(orderId, subscriber, "dead-lettered")));
        assertThat(browser.findElement(order(orderId)).getText()).contains(subscriber + " ☠ dead-lettered");
        WebElement redrive = waiting.until(ExpectedConditions.elementToBeClickable(By.id("redrive-" + subscriber)));
        assertThat(browser.findElement(By.id("journey-body")).getText()).contains("LocalFaultInjected");
        // Redriven once the order has settled, as an operator would: a redrive puts the event back on the bus for
        // every rule, and a subscriber still busy with the first delivery would see the second as in progress.
        waiting.until(ExpectedConditions.attributeToBe(order(orderId), "data-settled", "true"));

        redrive.click();

        for (String each : subscribers()) {
            waiting.until(ExpectedConditions.presenceOfElementLocated(outcome(orderId, each, "ok")));
        }
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("journey-body"), "Redrive "));
        waiting.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#dead-letter-list li[data-function='" + subscriber + "']"), "data-waiting", "0"));
    }

    @Test
    void anOrderPlacedOverHttpAppearsWithoutAReload() throws Exception {
        String orderId = placeOverHttp();

        for (String subscriber : subscribers()) {
            waiting.until(ExpectedConditions.presenceOfElementLocated(outcome(orderId, subscriber, "ok")));
        }
    }

    @Test
    void anOrdersJourneyOpensFromTheKeyboard() throws Exception {
        String orderId = placeOverHttp();
        WebElement button = waiting.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-order-id='" + orderId + "'] button")));

        button.sendKeys(Keys.ENTER);

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("journey-title"), orderId));
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void ordersPlacedBeforeThePageOpenedAreInTheFeedAtOnce() throws Exception {
        String orderId = placeOverHttp();
        assertThat(runtime.awaitSettled(PATIENCE)).isTrue();

        browser.navigate().refresh();

        waiting.until(ExpectedConditions.presenceOfElementLocated(
                outcome(orderId, subscribers().get(0), "ok")));
    }

    private String placeOnThePage() {
        new Select(browser.findElement(By.id("sample"))).selectByVisibleText(SAMPLE);
        browser.findElement(By.id("place-order")).click();
        WebElement result = browser.findElement(By.id("place-result"));
        waiting.until(ExpectedConditions.attributeToBeNotEmpty(result, "data-order-id"));
        assertThat(result.getText()).startsWith("HTTP 202");
        return result.getAttribute("data-order-id");
    }

    private String placeOverHttp() throws Exception {
        Path sample = SamTemplate.locateConfigured().getParent().resolve("events/api-gateway/" + SAMPLE);
        ApiReplay.Answer answer = ApiReplay.exchange(runtime.apiUri(), Json.parse(Files.readAllBytes(sample)));
        assertThat(answer.status()).isEqualTo(202);
        JsonNode body = Json.parse(answer.body().getBytes(StandardCharsets.UTF_8));
        return body.path("orderId").asText();
    }

    private static List<String> subscribers() {
        return runtime.deployment().subscriptions().stream()
                .map(s -> s.function())
                .distinct()
                .toList();
    }

    private static By order(String orderId) {
        return By.cssSelector("#feed li[data-order-id='" + orderId + "']");
    }

    private static By outcome(String orderId, String function, String word) {
        return By.cssSelector("#feed li[data-order-id='" + orderId + "'] .outcome[data-function='" + function
                + "'][data-outcome='" + word + "']");
    }
}
