package io.github.dofunctions.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.github.dofunctions.emulator.FunctionsEmulator;
import io.github.dofunctions.emulator.test.AutoConfigureFunctionsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's console in a real browser (headless Chromium, driven by Selenium) on the
 * sample's data: its namespace, deployed functions and triggers are shown, "Run now" runs
 * the nightly report, and its activation appears with its result and logs. Keeps a
 * screenshot in {@code target/emulator-console.png}, the one the README shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureFunctionsEmulator
class EmulatorConsoleBrowserTests {

	private static ChromeDriver browser;

	@Autowired
	private FunctionsEmulator emulator;

	@BeforeAll
	static void openTheBrowser() {
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(onPath("chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(onPath("chromium").toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400");
		browser = new ChromeDriver(driver, options);
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	// Found on the PATH as Debian installs them, so that Selenium never tries to download
	// a browser or a driver.
	private static Path onPath(String command) {
		for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
			Path candidate = Path.of(folder, command);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("'" + command + "' is not on the PATH: the console's browser test needs "
				+ "Chromium and its driver (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
	}

	@Test
	void runNowFromTheConsoleShowsTheNightlyReportsActivation() throws IOException {
		browser.get(this.emulator.consoleUrl());
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		By nightly = By.cssSelector("tr.trigger[data-trigger='nightly-report']");
		WebElement trigger = wait.until(ExpectedConditions.visibilityOfElementLocated(nightly));
		assertThat(trigger.getText()).contains("reports/nightly", "0 2 * * *", "{\"format\":\"pdf\"}");
		assertThat(browser.findElements(By.cssSelector("tr.trigger"))
			.stream()
			.map((row) -> row.getAttribute("data-trigger")))
			.containsExactly("nightly-report", "hourly-cleanup", "weekly digest");
		assertThat(browser.findElement(By.cssSelector("[data-namespace]")).getText()).contains("scheduled-jobs",
				"reports/nightly", "nodejs:18", "maintenance/cleanup", "python:3.11");

		wait.ignoring(StaleElementReferenceException.class).until((page) -> {
			page.findElement(nightly).findElement(By.cssSelector("button.run")).click();
			return true;
		});

		WebElement activation = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("tr.activation[data-trigger='nightly-report']")));
		String namespaceId = this.emulator.state().namespaces().get(0).id();
		assertThat(this.emulator.activations(namespaceId)).singleElement().satisfies((ran) -> {
			assertThat(ran.trigger()).isEqualTo("nightly-report");
			assertThat(activation.getAttribute("data-activation")).isEqualTo(ran.activationId());
		});
		assertThat(activation.getText()).contains("reports/nightly", "success", "nightly.pdf",
				"rendering the nightly report as pdf");
		assertThat(browser.findElement(By.id("message")).getText()).startsWith("Ran nightly-report: activation ");
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "emulator-console.png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void pageShowsNoSecret() {
		browser.get(this.emulator.consoleUrl());
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.trigger")));

		String page = browser.getPageSource();
		List<String> secrets = List.of(this.emulator.token(), this.emulator.state().namespaces().get(0).key());
		assertThat(secrets).allSatisfy((secret) -> assertThat(page).doesNotContain(secret));
	}

}
