// True once a Streamlit page is fully drawn (tests/test_browser.py, bench/bench_first_paint.py): a title,
// the script no longer running, no placeholder skeleton or stale element left, every chart drawn by Vega.
() => {
  const running = document.querySelector('[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]');
  const waiting = document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]');
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const drawn = charts.every(c => c.querySelector('svg.marks, canvas'));
  return Boolean(document.querySelector('[data-testid="stMain"] h1')) && !running && !waiting && drawn;
}
