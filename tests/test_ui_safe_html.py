"""The one escaping function: hostile article text is shown, never run."""
from __future__ import annotations

import re

import pytest

from ui.safe_html import (ENTITY_TYPES, STYLES, STYLESHEET, Mark, SafeHtml, entity_style,
                          render_legend, render_marked_text, show_html)

HOSTILE = ('Hello <script>window.__y=1</script> and <img src=x onerror="window.__x=1"> '
           'plus "quotes" & $5 and $6\n\n# not a heading')


def test_script_and_img_are_escaped_everywhere():
    marks = [Mark(0, 5, "entity-PERSON", tag='<b onmouseover="x">', title='"><script>t</script>'),
             Mark(HOSTILE.index("<img"), HOSTILE.index('1">') + 3, "removed",
                  tag="<img src=y onerror=alert(1)>")]
    out = render_marked_text(HOSTILE, marks)
    assert isinstance(out, SafeHtml)
    assert "<script" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;window.__y=1&lt;/script&gt;" in out
    assert re.search(r"<del[^>]*>&lt;img src=x onerror=&quot;window.__x=1&quot;&gt;</del>", out)
    # the only tags are the ones the function writes itself
    tags = set(re.findall(r"</?([a-zA-Z]+)", out))
    assert tags <= {"div", "mark", "span", "del", "ins", "br"}


def test_no_newline_or_dollar_survives_so_markdown_leaves_it_alone():
    out = render_marked_text(HOSTILE)
    assert "\n" not in out and "$" not in out
    assert out.count("<br>") == 2


def test_marks_wrap_the_right_characters_and_carry_their_type_as_text():
    text = "Kerry met Lavrov in Moscow."
    out = render_marked_text(text, [Mark(0, 5, entity_style("PERSON"), tag="PERSON"),
                                    Mark(20, 26, entity_style("GPE"), tag="GPE"),
                                    Mark(3, 12, "actor")])  # overlaps the first: skipped
    assert re.search(r"<mark[^>]*>Kerry</mark><span[^>]*>PERSON</span> met Lavrov in ", out)
    assert re.search(r"<mark[^>]*>Moscow</mark><span[^>]*>GPE</span>\.", out)


def test_marks_outside_the_text_are_clipped_or_ignored():
    out = render_marked_text("abc", [Mark(-5, 1, "actor"), Mark(2, 99, "actor"), Mark(9, 12, "actor")])
    assert out.count("<mark") == 2


def test_unknown_style_and_bad_css_class():
    assert "pl-entity-OTHER" in render_marked_text("x", [Mark(0, 1, entity_style("MONEY"))])
    unknown = render_marked_text("x", [Mark(0, 1, 'nonsense" onclick="y')])
    assert 'class="pl-mark pl-plain"' in unknown and "onclick" not in unknown
    with pytest.raises(ValueError):
        render_marked_text("x", css_class='x" onclick="y')


def test_legend_names_each_type_in_words():
    out = render_legend(["PERSON", "ORG", "MONEY"])
    assert "PERSON</mark> people" in out
    assert "ORG</mark> " + ENTITY_TYPES["ORG"][1] in out
    assert "MONEY</mark> other named things" in out


def test_show_html_refuses_plain_strings():
    with pytest.raises(TypeError):
        show_html("<b>not built by render_marked_text</b>")


def test_marked_text_carries_class_names_only_and_the_stylesheet_defines_each():
    text = "Kerry met Lavrov."
    out = render_marked_text(text, [Mark(0, 5, entity_style("PERSON"), tag="PERSON"),
                                    Mark(10, 16, "removed", tag="removed: ad")])
    assert "style=" not in out
    assert out.startswith('<div class="pl-text pl-block">')
    for name in STYLES:
        assert f".pl-tag-{name}{{" in STYLESHEET
    assert ".pl-entity-PERSON{background:" in STYLESHEET and ".pl-removed{" in STYLESHEET
    assert STYLESHEET.startswith("<style>") and STYLESHEET.count("<") == 2


def test_show_html_is_the_only_way_html_reaches_a_page():
    """No Markdown with HTML allowed anywhere, and st.html only inside ui/safe_html.py."""
    from shared_paths import ROOT
    sources = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    offenders = []
    for path in sources:
        code = path.read_text(encoding="utf-8")
        if re.search(r"unsafe_allow_html\s*=\s*True", code):
            offenders.append(f"{path.name}: unsafe_allow_html")
        if "st.html(" in code and path.name != "safe_html.py":
            offenders.append(f"{path.name}: st.html")
    assert not offenders
    assert len(sources) > 10
