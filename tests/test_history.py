"""When each fact was added and last changed, from the repository's history, and what the site
says about it: on the fact card, in facts.json, in the footer and in the Atom feeds."""

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_build

from nqpf.history import UNKNOWN, read_history

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST, SECOND, THIRD = "2026-11-01T10:00:00+00:00", "2026-11-20T12:30:00+00:00", "2026-11-25T08:00:00+00:00"


def git(project: Path, *args: str, date: str = FIRST) -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(project),
        "GIT_AUTHOR_NAME": "A contributor",
        "GIT_AUTHOR_EMAIL": "contributor@example.org",
        "GIT_COMMITTER_NAME": "A contributor",
        "GIT_COMMITTER_EMAIL": "contributor@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    done = subprocess.run(["git", *args], cwd=project, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit_all(project: Path, message: str, date: str) -> None:
    git(project, "add", "-A", date=date)
    git(project, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def git_project(project_copy):
    """The project copy as a repository with one commit, of 1 November 2026."""
    (project_copy / "node_modules").unlink(missing_ok=True)  # a link into the repository: not committed
    git(project_copy, "init", "-q", "-b", "main")
    commit_all(project_copy, "The project", FIRST)
    (project_copy / "node_modules").symlink_to(Path(__file__).resolve().parent.parent / "node_modules")
    return project_copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_outside_git_no_date_is_known(project_copy):
    assert read_history(project_copy) == UNKNOWN


def test_a_change_dates_only_the_fact_it_changes_and_a_move_changes_nothing(git_project):
    before = read_history(git_project)
    assert before.known
    assert before.of("nev-production-2023").added == before.of("nev-production-2023").changed == FIRST
    assert before.data_changed == FIRST
    edit(
        git_project / "facts" / "economy.yml",
        "exceeded 126 trillion yuan in 2023.",
        "was above 126 trillion yuan in 2023.",
    )
    commit_all(git_project, "Reword a claim", SECOND)
    # the same fact, moved to another file unchanged
    economy = (git_project / "facts" / "economy.yml").read_text(encoding="utf-8")
    start = economy.index("- id: gdp-2023-usd")
    end = economy.index("\n- id:", start + 1)
    block = economy[start:end].rstrip("\n") + "\n"
    (git_project / "facts" / "economy.yml").write_text(economy[:start] + economy[end + 1 :], encoding="utf-8")
    with (git_project / "facts" / "policy.yml").open("a", encoding="utf-8") as out:
        out.write("\n" + block)
    commit_all(git_project, "Move a fact", THIRD)
    after = read_history(git_project)
    assert after.of("gdp-2023-yuan").added == FIRST
    assert after.of("gdp-2023-yuan").changed == SECOND
    assert after.of("gdp-2023-usd").changed == FIRST  # moved, not changed
    assert after.of("nev-production-2023").changed == FIRST
    assert [(c.kind, c.fact_id) for c in after.changes if c.date != FIRST] == [("changed", "gdp-2023-yuan")]
    assert after.data_changed == THIRD


def test_a_shallow_clone_knows_no_date(git_project, tmp_path):
    subprocess.run(
        ["git", "clone", "-q", "--depth=1", f"file://{git_project}", str(tmp_path / "shallow")],
        check=True,
        capture_output=True,
    )
    assert read_history(tmp_path / "shallow") == UNKNOWN  # its one commit would date every fact


def feed_entries(site: Path, name: str) -> list[dict[str, str]]:
    root = ET.parse(site / "feeds" / name).getroot()
    return [
        {
            "id": entry.find(f"{ATOM}id").text,
            "title": entry.find(f"{ATOM}title").text,
            "updated": entry.find(f"{ATOM}updated").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.find(f"{ATOM}summary").text,
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def card_dates(site: Path, sector: str, fact_id: str) -> str:
    page = (site / "sectors" / sector / "index.html").read_text(encoding="utf-8")
    card = page[page.index(f'id="{fact_id}"') :]
    return card[card.index('<p class="nqpf-dates">') : card.index("</p>", card.index('<p class="nqpf-dates">'))]


def test_a_committed_change_moves_last_changed_and_adds_a_feed_entry(git_project, tmp_path):
    first = run_build(git_project, tmp_path / "first")
    assert first.returncode == 0, first.output
    assert 'last changed <time datetime="2026-11-01">1 November 2026</time>' in card_dates(
        first.site, "economy", "gdp-2023-yuan"
    )
    entries = feed_entries(first.site, "facts.xml")
    edit(
        git_project / "facts" / "economy.yml",
        "exceeded 126 trillion yuan in 2023.",
        "was above 126 trillion yuan in 2023.",
    )
    commit_all(git_project, "Reword a claim", SECOND)
    second = run_build(git_project, tmp_path / "second")
    assert second.returncode == 0, second.output
    dates = card_dates(second.site, "economy", "gdp-2023-yuan")
    assert 'Added <time datetime="2026-11-01">1 November 2026</time>' in dates
    assert 'last changed <time datetime="2026-11-20">20 November 2026</time>' in dates
    after = feed_entries(second.site, "facts.xml")
    known = {entry["id"] for entry in entries}
    new = [entry for entry in after if entry["id"] not in known]  # an entry's text is the fact as it reads now
    assert len(new) == 1
    assert new[0]["title"] == "Changed: China's gross domestic product was above 126 trillion yuan in 2023."
    assert new[0]["updated"] == SECOND
    assert new[0]["link"] == "https://nqpf-facts.github.io/nqpf-facts/sectors/economy/#gdp-2023-yuan"
    assert new[0]["summary"] == (
        "more than 126 trillion yuan. China's gross domestic product was above 126 trillion yuan in 2023. "
        "Source: “Enhancing China-Pakistan Cooperation With New Quality Productive Forces”."
    )
    assert after[0] == new[0]  # the latest change comes first
    assert len(feed_entries(second.site, "economy.xml")) == 1 + len(feed_entries(first.site, "economy.xml"))
    record = next(r for r in json.loads((second.site / "facts.json").read_text()) if r["id"] == "gdp-2023-yuan")
    assert (record["added"], record["changed"]) == (FIRST, SECOND)
    page = (second.site / "index.html").read_text(encoding="utf-8")
    assert "Data last changed 20 November 2026." in page
    assert 'type="application/atom+xml"' in page


def test_outside_git_the_pages_say_unknown_and_there_is_no_feed(project_copy, tmp_path):
    built = run_build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert card_dates(built.site, "economy", "gdp-2023-yuan") == '<p class="nqpf-dates">Added and last changed: unknown'
    assert not (built.site / "feeds").exists()
    record = json.loads((built.site / "facts.json").read_text())[0]
    assert (record["added"], record["changed"]) == (None, None)
    assert "Data last changed" not in (built.site / "index.html").read_text(encoding="utf-8")


def test_the_cache_of_file_versions_gives_the_same_history_and_survives_damage(git_project, tmp_path):
    edit(
        git_project / "facts" / "economy.yml",
        "exceeded 126 trillion yuan in 2023.",
        "was above 126 trillion yuan in 2023.",
    )
    commit_all(git_project, "Reword a claim", SECOND)
    cache = tmp_path / "cache" / "fact-versions.json"
    plain = read_history(git_project)
    assert read_history(git_project, cache) == plain
    assert cache.is_file()
    versions = json.loads(cache.read_text())["versions"]
    assert len(versions) == len(list((git_project / "facts").glob("*.yml"))) - 6 + 1  # one more version of economy.yml
    assert read_history(git_project, cache) == plain  # read from the cache, not from git
    cache.write_text("{not json", encoding="utf-8")
    assert read_history(git_project, cache) == plain


def test_a_draft_is_added_when_it_is_reviewed_not_when_it_was_drafted(git_project):
    drafts = git_project / "facts" / "drafts"
    drafts.mkdir(exist_ok=True)
    economy = (git_project / "facts" / "economy.yml").read_text(encoding="utf-8")
    block = economy[economy.index("- id: gdp-2023-usd") :]
    block = block[: block.index("\n- id:")].rstrip("\n") + "\n"
    draft = block.replace("- id: gdp-2023-usd", "- id: gdp-2023-usd-drafted\n  draft: true")
    (drafts / "some-seed.yml").write_text(draft, encoding="utf-8")
    commit_all(git_project, "A machine draft", SECOND)
    assert read_history(git_project).of("gdp-2023-usd-drafted") is None  # a draft is not in the base
    (drafts / "some-seed.yml").write_text(draft.replace("  draft: true\n", ""), encoding="utf-8")
    commit_all(git_project, "Reviewed", THIRD)
    dates = read_history(git_project).of("gdp-2023-usd-drafted")
    assert (dates.added, dates.changed) == (THIRD, THIRD)  # reviewed facts may stay in facts/drafts/
