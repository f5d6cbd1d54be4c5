"""User text on the pages: shown as exactly its characters, never as markup."""
from __future__ import annotations

import re

# Every ASCII punctuation character, written as a numeric character reference (CommonMark): none
# of them then starts a link, an image, emphasis, a heading, HTML, LaTeX ($), or Streamlit's
# :colour[...] and :icon: syntax, and a bare URL (http://, www., a@b.c) is no longer recognised as
# a link.
MARKUP = re.compile(r"[!-/:-@\[-`{-~]")
# Streamlit links bare URLs and e-mail addresses found in the text after parsing, entities decoded;
# an invisible word joiner inside "://", "www." and after "@" keeps them from being recognised.
AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
JOINER = "\u2060"


def plain(text) -> str:
    """Text from a user (or from a file, a URL, an error message quoting a cell) that Streamlit's
    markdown elements (st.markdown, st.write, st.caption, st.warning, titles, labels, page links)
    show as exactly these characters. Every such call on the pages goes through here."""
    return MARKUP.sub(lambda m: f"&#{ord(m.group())};", AUTOLINK.sub(JOINER, str(text)))
