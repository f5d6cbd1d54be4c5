"""User text on the pages: shown as exactly its characters, never as markup."""
from __future__ import annotations

import re

# Every ASCII punctuation character can be escaped in CommonMark; escaped, none of them starts a
# link, an image, emphasis, a heading, HTML, LaTeX ($), or Streamlit's :colour[...] and :icon: syntax,
# and a bare URL is no longer recognised as a link.
MARKUP = re.compile(r"([!-/:-@\[-`{-~])")


def plain(text) -> str:
    """Text from a user (or from a file, a URL, an error message quoting a cell) that Streamlit's
    markdown elements (st.markdown, st.write, st.caption, st.warning, titles, labels, page links)
    show as exactly these characters. Every such call on the pages goes through here."""
    return MARKUP.sub(r"\\\1", str(text))
