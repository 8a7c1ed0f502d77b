// Times @mozilla/readability over the pages in a folder, with jsdom (as Readability's README recommends) or with
// linkedom (a lighter DOM): prints "pages wall-seconds cpu-seconds" (cpu = user + sys of this process).
// `storyline bench extraction` installs the packages into a cache folder outside the repository and runs it there.
// By hand: npm ci in a scratch folder holding package.json, package-lock.json and this file, then
//   node readability.mjs jsdom|linkedom <folder> <count>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readability } from "@mozilla/readability";

const [dom, dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const pages = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), "utf8"));

let parse;
if (dom === "linkedom") {
  const { parseHTML } = await import("linkedom");
  parse = (html) => ({ document: parseHTML(html).document, close: () => {} });
} else {
  const { JSDOM, VirtualConsole } = await import("jsdom");
  const quiet = new VirtualConsole();
  parse = (html) => {
    const page = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
    return { document: page.window.document, close: () => page.window.close() };
  };
}

const extract = (html) => {
  const page = parse(html);
  try {
    return new Readability(page.document).parse()?.textContent?.length ?? 0;
  } catch {
    return 0; // a page the tool cannot read still counts as work done
  } finally {
    page.close();
  }
};
// Warm-up: one untimed pass over the distinct pages, so V8's optimising compiler has seen every kind of page.
for (const page of pages) extract(page);
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) extract(pages[i % pages.length]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
console.log(`${count} ${seconds} ${(used.user + used.system) / 1e6}`);
