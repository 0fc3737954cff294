"""Hand-built reports of invented events, stored as the extraction stages would store them.

Tel Harun is retaken by the army on 5 June; three outlets report it (one crediting
another); one of them also reports shelling in Wadi Sahel, 150 km away, the same day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from eventwire.records import (
    Actor,
    Article,
    Claim,
    Document,
    Mention,
    Parcel,
    Place,
    Span,
    content_id,
)
from eventwire.store import Store

ARMY = Actor("Military Forces of Syria (2000-)", 1, "the army")
REBELS = Actor("Opposition armed groups (Syria)", 2, "the gunmen")
TYPES = {
    "GOV_REGAINS_TERIT": ("Political violence", "Battles", "Government regains territory"),
    "NON_STATE_ACTOR_OVERTAKES_TER": (
        "Political violence", "Battles", "Non-state actor overtakes territory",
    ),
    "ART_MISS_ATTACK": (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack",
    ),
    "CHANGE_TO_GROUP_ACT": (
        "Strategic developments", "Strategic developments", "Change to group/activity",
    ),
    "PEACE_PROTEST": ("Demonstrations", "Protests", "Peaceful protest"),
}  # fmt: skip
TEL_HARUN = (34.50, 36.60, 900001)
TEL_HARUN_EAST = (34.52, 36.66, 900002)  # 6 km away
WADI_SAHEL = (33.50, 36.30, 900003)  # 115 km away


@dataclass
class Report:
    """One article being written: sentences with their mentions and claims."""

    outlet: str
    credits: tuple[str, ...] = ()
    published: str = "2013-06-06"
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return content_id("article", self.outlet, self.published, self.text[:40])

    def say(self, sentence: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += sentence + " "
        return start, start + len(sentence)

    def mention(self, sentence: str, label: str = "GOV_REGAINS_TERIT", **fields: object) -> Report:
        start, end = self.say(sentence)
        self.mentions.append(make_mention(self, start, end, sentence, label, **fields))
        return self

    def claim(self, figure: str, low: int | None, high: int | None, **fields: object) -> Report:
        """A figure inside the last sentence written."""
        at = self.text.rindex(figure)
        found = Claim(kind=str(fields.pop("kind", "killed")), text=figure, article_id="",
                      span=(at, at + len(figure)), low=low, high=high, outlet=self.outlet,
                      **fields)  # type: ignore[arg-type]  # fmt: skip
        self.claims.append(found)
        return self


def make_mention(report: Report, start: int, end: int, sentence: str, label: str,
                 **fields: object) -> Mention:  # fmt: skip
    disorder, event_type, sub = TYPES[label]
    place = fields.pop("place", TEL_HARUN)
    where = None
    if place is not None:
        lat, lon, geonameid = place  # type: ignore[misc]
        where = Place("", "x", start, end, location=f"Place {geonameid}", country="Syria",
                      iso3="SYR", admin1="Homs", latitude=lat, longitude=lon, geo_precision=1,
                      geonameid=geonameid)  # fmt: skip
    values: dict[str, object] = {"score": 0.9, "date": "2013-06-05", "time_precision": 1,
                                 "actors": (ARMY, REBELS)} | fields  # fmt: skip
    values.setdefault("date_end", values["date"])
    return Mention(mention_id="", article_id="", span=Span("", start, end, label, sentence),
                   label=label, event_type=event_type, sub_event_type=sub,
                   disorder_type=disorder, place=where, outlet=report.outlet,
                   stage="test", **values)  # type: ignore[arg-type]  # fmt: skip


def parcel(report: Report) -> Parcel:
    """The report as the pipeline would hand it to the store (ids filled in)."""
    from dataclasses import replace

    article_id = report.article_id
    raw = report.text.encode("utf-8")
    document = Document(content_id(raw), f"{report.outlet}.txt", "txt", raw, report.text, "utf-8")
    article = Article(article_id, document.doc_id, 0, report.text, (0, len(report.text)),
                      outlet=report.outlet, credits=report.credits or (report.outlet,),
                      published=report.published, stage="test")  # fmt: skip
    mentions = tuple(
        replace(m, mention_id=content_id(article_id, str(m.span.start)), article_id=article_id,
                span=replace(m.span, article_id=article_id))
        for m in report.mentions
    )  # fmt: skip
    claims = tuple(replace(c, article_id=article_id) for c in report.claims)
    return Parcel(document, articles=(article,), mentions=mentions, claims=claims)


Writer = Callable[..., None]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path}/fuse.db") as opened:
        yield opened


@pytest.fixture
def write(store: Store) -> Writer:
    def write_reports(*reports: Report) -> None:
        run_id = store.begin_run("test", {})
        store.write_parcels([parcel(report) for report in reports], run_id)

    return write_reports


def desert_wire() -> Report:
    report = Report("Desert Wire", credits=("Desert Wire", "State Radio"))
    report.mention("Army units took full control of Tel Harun on Wednesday after a long siege.")
    report.mention("The army said dozens of gunmen were killed in the fighting.", place=None,
                   label="NON_STATE_ACTOR_OVERTAKES_TER", score=0.7)  # fmt: skip
    report.claim("dozens", 24, 99, subject="gunmen", subject_actor=REBELS.name,
                 claimant="the army", claimant_type="military")  # fmt: skip
    report.mention("Meanwhile shells fell on Wadi Sahel, far to the south, on Wednesday.",
                   label="ART_MISS_ATTACK", place=WADI_SAHEL, score=0.95)  # fmt: skip
    report.say("Thousands of people have been killed across the country since 2011.")
    report.claim("Thousands", 2000, 9999, subject="people", claimant_type="reporter")
    return report


def state_radio() -> Report:
    report = Report("State Radio")
    report.mention("Our forces restored security and stability to Tel Harun at dawn.",
                   place=TEL_HARUN_EAST, score=0.85, claimant_type="military")  # fmt: skip
    report.mention("A monitor said 12 fighters had died in the town.", place=None,
                   label="NON_STATE_ACTOR_OVERTAKES_TER", score=0.65)  # fmt: skip
    report.claim("12", 12, 12, subject="fighters", subject_actor=REBELS.name,
                 claimant="a monitor", claimant_type="media")  # fmt: skip
    return report


def levant_post() -> Report:
    report = Report("Levant Post", published="2013-06-07")
    report.mention("Rebels said they had withdrawn from Tel Harun after losing about 300 men.",
                   date="2013-06-06", time_precision=2, score=0.8)  # fmt: skip
    report.claim("about 300", 270, 330, subject="men", subject_actor=REBELS.name,
                 claimant="rebels", claimant_type="armed group")  # fmt: skip
    return report
