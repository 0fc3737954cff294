"""Small hand-written inputs in the style of scraped conflict reports (invented events)."""

from __future__ import annotations

from eventwire.records import Document, DocumentMeta, content_id

BLOG = """Army Advances Near the Border, A Blow to the Armed Groups

Troops retake villageJNN 3 May 2018 Damascus : Government forces took control of the village of Tal Hamra after three days of fighting, state media said.

Syrian state television said on Tuesday that the army killed dozens of fighters in the village and captured several others.

Residents told Al Jazeera that hundreds of families had fled towards the border since the start of the offensive.

Syrian state television said that the army killed dozens of fighters in the village and captured several others.

2 thoughts on “Army Advances Near the Border”

  1. Pingback: Weekly roundup |

  2. I do not believe a word of this report, my cousin lives there.

Leave a Reply

You are commenting using your Twitter account. Log Out /  Change )

Connecting to %s
"""

ROUNDUP = """Prensa Latina
Damascus, May 4

A military source told Prensa Latina on Thursday that army units had cleared the last pockets around Tal Hamra and that engineering teams were removing mines from the main road.

Army Restores Security to Tal Hamra Village in Countryside
May 04, 2018

HOMS, (SANA)- Army units restored security and stability to Tal Hamra village early Wednesday after a series of operations, a military source said.

The source added that the army seized weapons and ammunition left behind by the gunmen in several houses of the village.

K. Nasser

Ministry Says Talks Will Resume Next Month in the Capital

The Foreign Ministry said in a statement on Thursday that the next round of talks would be held next month, and that all parties had been invited to take part in the meeting.
"""


def document(text: str, source: str = "sample.txt", **meta: str) -> Document:
    raw = text.encode("utf-8")
    return Document(content_id(raw), source, "txt", raw, text, "utf-8", DocumentMeta(**meta))


CLASHES = """Army Takes Control of Yabroud After Two Days of Fighting
Mar 12, 2014

DAMASCUS, (SANA)- Army units took full control of the town of Yabroud in Damascus countryside early Tuesday after two days of clashes with the terrorists, a military source said.

The source said that nearly 40 terrorists were killed and 12 others were injured, while dozens surrendered to the army.

The army seized a large amount of weapons and ammunition, among them anti-tank missiles, the source added.
"""
