"""The working records of statement finding: a sentence with its cues, and a statement found in
it before its speaker is resolved."""
from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cue
from .speakers import Mention


@dataclass(slots=True)
class Stmt:
    kind: str
    start: int
    end: int
    anchor: int  # where the credit is: resolution looks at what came before it
    cue: Cue | None = None
    mention: Mention | None = None
    source: str | None = None
    sentence: int = -1
    follows_previous: bool = False  # no speaker of its own: the previous statement's


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    ti: int
    tj: int
    para: int
    head: bool
    cues: list[Cue] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)  # token index of each cue, for bisect
    outside: list[Cue] | None = None  # its cues outside quoted words, once the quotes are known
