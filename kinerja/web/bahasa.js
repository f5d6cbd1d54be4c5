// Kinerja's Indonesian for the labels Streamlit writes in English into attributes (kinerja.web.widgets.
// style, on every page and the login form): what a screen reader says and a test names a button by ("Remove
// pembinaan.xlsx"), a tooltip (title), the placeholder of an empty select, the buttons of the table and
// chart toolbars (hidden by style.css, still read out); and the connection texts whose English CSS cannot
// tell apart (the status "Connecting"/"Error" in one label, its tooltip, the "Connection error" dialog when
// the server stops).
// CSS (style.css) replaces visible text but cannot reach attributes, and Streamlit has no option for them
// (no localisation: streamlit/streamlit#10380). Runs once per tab.
(() => {
  if (window.kinerjaBahasa) return;
  window.kinerjaBahasa = true;
  const words = {
    "Close": "Tutup", "Open": "Buka daftar", "Clear value": "Kosongkan", "Clear all": "Hapus semua",
    "Add files": "Tambah berkas", "file upload": "unggah berkas", "Selected values": "Yang dipilih",
    "Choose an option": "Pilih", "Choose options": "Pilih", "No options to select": "Tidak ada pilihan",
    "Collapse sidebar": "Tutup panel samping", "Expand sidebar": "Buka panel samping", "App pages": "Halaman",
    "Link to heading": "Tautan ke judul ini", "Running...": "Sedang memproses", "Sidebar": "Panel samping",
    "Show password": "Tampilkan sandi", "Hide password": "Sembunyikan sandi", "Dismiss": "Tutup",
    "Copy to clipboard": "Salin", "Show data": "Tampilkan data", "Vega visualization": "Grafik",
    "Search": "Cari", "Fullscreen": "Layar penuh", "Main menu": "Menu", "Choose date": "Pilih tanggal",
    "Decrement": "Kurangi", "Increment": "Tambah",
    // the element toolbars of a table and a chart
    "Download as CSV": "Unduh CSV", "Download as PNG": "Unduh PNG", "Copy Vega-Lite spec": "Salin spesifikasi grafik",
    "Copied!": "Tersalin", "Show/hide columns": "Tampilkan/sembunyikan kolom", "Show chart": "Tampilkan grafik",
    "Close fullscreen": "Tutup layar penuh", "Clear selection": "Hapus pilihan", "Close Search": "Tutup pencarian",
    "Dataframe column menu": "Menu kolom", "Copy column name": "Salin nama kolom",
  };
  const patterns = [[/^Remove (.+)$/s, "Hapus $1"], [/^Help for (.+)$/s, "Bantuan untuk $1"],
                    [/^year, (.+)$/s, "tahun, $1"], [/^month, (.+)$/s, "bulan, $1"], [/^day, (.+)$/s, "hari, $1"]];
  // Whole texts of a text node, exactly as Streamlit 1.x writes them (index.*.js).
  const texts = {
    "Connecting": "Menghubungkan", "Error": "Terputus",
    "Connecting to Streamlit server": "Menghubungkan ke server Kinerja",
    "Unable to connect to Streamlit server": "Tidak dapat terhubung ke server Kinerja",
    "Connection error": "Koneksi terputus",
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:":
      "Server Kinerja tidak menjawab. Halaman tersambung lagi sendiri begitu server berjalan; bila tidak, " +
      "hubungi pengelola aplikasi, yang menjalankan ulang server dengan:",
    "streamlit run yourscript.py": "make run",
    "Page not found": "Halaman tidak ditemukan",
    "Streamlit server is not responding. Are you connected to the internet?":
      "Server Kinerja tidak menjawab. Periksa sambungan jaringan; halaman tersambung lagi sendiri.",
  };
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  const translate = (text) => {
    if (Object.hasOwn(words, text)) return words[text];
    const found = patterns.find(([english]) => english.test(text));
    return found ? text.replace(found[0], found[1]) : null;
  };
  const fix = (element) => {
    for (const name of ATTRIBUTES) {
      const text = element.getAttribute(name);
      const indonesian = text && translate(text);
      if (indonesian && indonesian !== text) element.setAttribute(name, indonesian);
    }
  };
  // Texts with a part of their own: a file's size; an address typed that names no page (Streamlit
  // opens the main page).
  const textPatterns = [
    // an uploaded file's size ("6.0KB"): Indonesian decimal comma and a space
    [/^(\d+)\.(\d+)(B|KB|MB|GB)$/, "$1,$2 $3"], [/^(\d+)(B|KB|MB|GB)$/, "$1 $2"],
    [/^You have requested page (\S+), but no corresponding file was found in the app's pages\/ directory\. Running the app's main page\.$/s,
     "Halaman $1 tidak ada; yang dibuka halaman utama (Ringkasan). Pilih halaman dari panel samping."],
    [/^The page that you have requested does not seem to exist\. Running the app's main page\.$/s,
     "Halaman yang diminta tidak ada; yang dibuka halaman utama (Ringkasan). Pilih halaman dari panel samping."],
  ];
  const fixText = (node) => {
    const text = node.nodeValue.trim();
    if (!text) return;
    if (Object.hasOwn(texts, text)) node.nodeValue = texts[text];
    else {
      const found = textPatterns.find(([english]) => english.test(text));
      if (found) node.nodeValue = text.replace(found[0], found[1]);
    }
  };
  const sweep = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return fixText(node);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    fix(node);
    node.querySelectorAll("[aria-label], [title], [placeholder]").forEach(fix);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) fixText(walker.currentNode);
  };
  sweep(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") fix(change.target);
      else if (change.type === "characterData") fixText(change.target);
      else change.addedNodes.forEach(sweep);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                              attributeFilter: ATTRIBUTES});
})();
