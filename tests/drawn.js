// True once a Streamlit page is fully drawn (tests/test_browser.py, bench/bench_first_paint.py): the script run
// finished (stApp's script state), the page's title there, no placeholder skeleton or stale element left, every
// chart drawn by Vega.
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const finished = app && app.getAttribute('data-test-script-state') === 'notRunning';
  const waiting = document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]');
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const drawn = charts.every(c => c.querySelector('svg.marks, canvas'));
  return Boolean(finished && document.querySelector('[data-testid="stMain"] h1') && !waiting && drawn);
}
