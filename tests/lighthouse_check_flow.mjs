// A Lighthouse user flow on the "Check a text" page: open it, check a text, then audit the page
// as the reader sees it with the result shown. Prints one JSON object per step: its mode, its
// category scores, the accessibility audits that fail, and how many numbers were marked.
// Usage: node lighthouse_check_flow.mjs URL TEXT_FILE CHROMIUM_ARGS_JSON (CHROME_PATH set)
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const [url, textFile, chromiumArgs] = process.argv.slice(2);
const text = readFileSync(textFile, "utf8");
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: JSON.parse(chromiumArgs),
});
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, { config: { extends: "lighthouse:default", settings: { onlyCategories: ["accessibility"] } } });
  await flow.navigate(url);
  await page.$eval("#nqpf-check-text", (area, value) => { area.value = value; }, text);
  await page.click("#nqpf-check-button");
  await page.waitForSelector("#nqpf-check-result:not([hidden])");
  const marks = await page.$$eval("#nqpf-check-marked mark", (found) => found.length);
  await flow.snapshot();
  const result = await flow.createFlowResult();
  const steps = result.steps.map((step) => ({
    mode: step.lhr.gatherMode,
    scores: Object.fromEntries(Object.entries(step.lhr.categories).map(([name, c]) => [name, c.score])),
    failing: Object.values(step.lhr.audits)
      .filter((audit) => audit.scoreDisplayMode === "binary" && audit.score === 0)
      .map((audit) => audit.id),
    marks: step.lhr.gatherMode === "snapshot" ? marks : 0,
  }));
  process.stdout.write(JSON.stringify(steps));
} finally {
  await browser.close();
}
