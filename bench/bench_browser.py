"""Benchmark: pages as a real browser shows them (Debian's Chromium through Playwright), against a
running server: `KINERJA_DB=COPY .venv/bin/streamlit run app.py --server.port 8591 --server.headless true`.

Logs in once, then visits the pages through the sidebar as a user does (the first page by its
address), ROUNDS times. A visit is timed from the click until the script has run and stopped and
the browser has painted two frames after; beside it: how long the script ran as the browser saw it
(the server's time plus the messages' transport), the main thread's long tasks from the start of
that run (drawing), the bytes the server sent over the websocket, and how many elements the page
holds. Round 1 of a page is its first render since the server started (its caches cold), the
later rounds are cached. Medians of the cached rounds at the end; no pass/fail.
Run: .venv/bin/python bench/bench_browser.py URL ACCOUNT PASSWORD profil pengumpulan unit [--rounds 3]
"""
from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
# Notes every change of Streamlit's script state (running, notRunning) with its time, and the long tasks.
WATCH = """
window.__states = []; window.__long = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({type: 'longtask', buffered: true});
const watch = () => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app) { requestAnimationFrame(watch); return; }
  let last = null;
  const note = () => { const s = app.getAttribute('data-test-script-state');
                       if (s !== last) { window.__states.push([s, performance.now()]); last = s; } };
  note(); new MutationObserver(note).observe(app, {attributes: true});
};
watch();
"""
SETTLED = """() => { const t = window.__states; const i = t.findIndex(x => x[0] === 'running');
    return i >= 0 && t.slice(i).some(x => x[0] === 'notRunning'); }"""
MEASURE = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
    const t = window.__states, i = t.findIndex(x => x[0] === 'running');
    const j = t.findIndex((x, k) => k > i && x[0] === 'notRunning');
    const drawing = window.__long.filter(e => e[0] + e[1] > t[i][1] - 50).reduce((a, e) => a + e[1], 0);
    done([t[j][1] - t[i][1], drawing, document.querySelectorAll('[data-testid=stElementContainer]').length]);
})))"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("account")
    parser.add_argument("password")
    parser.add_argument("pages", nargs="+", help="url paths of pages, e.g. pengumpulan unit indikator")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(WATCH)
        page = context.new_page()
        received = [0]
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))))
        page.goto(args.url, timeout=120_000)
        page.get_by_label("Nama akun").fill(args.account)
        page.get_by_label("Sandi").fill(args.password)
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text(f"Masuk sebagai {args.account}").first.wait_for(timeout=120_000)
        found: dict[str, list[tuple]] = {}
        print(f"{'halaman':<14}{'putaran':>8}{'total (s)':>11}{'skrip (s)':>11}{'gambar (s)':>12}{'MB':>7}{'elemen':>8}")
        for round_ in range(args.rounds):
            for name in args.pages:
                received[0] = 0
                page.evaluate("window.__states = []; window.__long = [];")
                started = time.perf_counter()
                if round_ == 0 and name == args.pages[0]:
                    page.goto(f"{args.url}/{name}", timeout=120_000)
                else:
                    page.locator(f"[data-testid=stSidebarNav] a[href$='/{name}']").first.click()
                page.wait_for_function(SETTLED, timeout=300_000, polling=50)
                script, drawing, elements = page.evaluate(MEASURE)
                row = (time.perf_counter() - started, script / 1000, drawing / 1000, received[0] / 1e6, elements)
                found.setdefault(name, []).append(row)
                print(f"{name:<14}{round_ + 1:>8}{row[0]:>11.2f}{row[1]:>11.2f}{row[2]:>12.2f}{row[3]:>7.2f}{row[4]:>8}",
                      flush=True)
        browser.close()
    if args.rounds > 1:
        print("median putaran 2 dst. (cache terisi):")
        for name, rows in found.items():
            cached = rows[1:]
            print(f"{name:<14}{'':>8}" + "".join(f"{statistics.median(r[k] for r in cached):>11.2f}" for k in range(3))
                  + f"{statistics.median(r[3] for r in cached):>8.2f}")


if __name__ == "__main__":
    main()
