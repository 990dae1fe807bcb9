"""The site's own words (strings.py): every string the code and the scripts ask for is found,
even inside an f-string; a translation fills its placeholders and escapes its own text."""

from nqpf import strings
from nqpf.strings import ENGLISH, SiteStrings, _python_strings, _script_strings, marked, used_strings


def test_the_strings_inside_f_strings_and_tables_are_found(tmp_path):
    source = tmp_path / "page.py"
    source.write_text(
        "def page(options, n):\n"
        "    a = f'<p>{esc(options.t(\"Source passage\"))}</p>'\n"
        '    b = options.strings.html("Added {added}", added="<time>")\n'
        '    c = marked("Figures")\n'
        "    d = options.t(variable)  # not a literal: nothing to find\n"
        '    e = t("One " "two")  # implicit concatenation is one string\n',
        encoding="utf-8",
    )
    assert _python_strings(source) == ["Source passage", "Added {added}", "Figures", "One two"]


def test_the_scripts_strings_are_found(tmp_path):
    script = tmp_path / "page.js"
    script.write_text(
        'var a = strings.t("Copied");\nvar b = strings.t("{count} facts found.", { count: n });\nvar c = other("x");\n',
        encoding="utf-8",
    )
    assert _script_strings(script) == ["Copied", "{count} facts found."]


def test_the_projects_strings_include_those_of_cards_scripts_and_tables():
    found = used_strings()
    for english in ("Source passage", "Report a problem", "Copied", "Figures", "a calendar year", ", "):
        assert english in found
    assert len(found) == len(set(found))


def test_a_translation_fills_placeholders_and_escapes_its_own_text():
    zh = SiteStrings("zh", {"according to {who}": "据{who}", "Added {added}": "<{added}>加入"})
    assert zh.t("according to {who}", who="A") == "据A"
    assert zh.t("not translated") == "not translated"
    assert zh.html("Added {added}", added="<time>1</time>") == "&#60;<time>1</time>&#62;加入"
    assert ENGLISH.t("{count} facts", count=3) == "3 facts"
    assert marked("x") == "x"


def test_the_cache_is_kept_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setattr(strings, "CACHE", tmp_path / "site-strings.json")
    strings._strings_by_file.cache_clear()
    first = strings._strings_by_file()
    assert (tmp_path / "site-strings.json").is_file()
    strings._strings_by_file.cache_clear()
    assert strings._strings_by_file() == first
    strings._strings_by_file.cache_clear()
