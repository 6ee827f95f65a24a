"""A synthetic plant for tests and the benchmark, plus a cheap deterministic embedder.

Self-contained (does not depend on the seed generator) so the search tests and
``bench/search_bench.py`` can make any number of documents quickly and
reproducibly. ``HashEmbedder`` maps character bigrams to a hashed 384-d vector:
texts that share words are close, which is all the index contract tests need,
without paying for a model.
"""

from __future__ import annotations

import hashlib
import random
import zlib
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

from pmark3.plant import FunctionalLocation, Part, PlantData, Procedure, WorkOrder
from pmark3.search.tokenize import tokens

# (system, unit code, class, Korean name, English name, tag)
EQUIPMENT: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("LAC", "AP", "PU", "급수펌프", "boiler feed pump", "BFP"),
    ("LCB", "AP", "PU", "복수펌프", "condensate pump", "CP"),
    ("PAC", "AP", "PU", "순환수펌프", "circulating water pump", "CWP"),
    ("HLB", "AN", "BL", "압입송풍기", "forced draft fan", "FDF"),
    ("HNC", "AN", "BL", "유인송풍기", "induced draft fan", "IDF"),
    ("HFC", "AJ", "CE", "미분기", "pulverizer", "MILL"),
    ("LAD", "AC", "HE", "고압급수가열기", "HP feedwater heater", "HPH"),
    ("MAV", "AP", "PU", "윤활유펌프", "lube oil pump", "LOP"),
    ("LBA", "AA", "VA", "주증기 밸브", "main steam valve", "MSV"),
    ("QFA", "AN", "CO", "공기압축기", "air compressor", "IAC"),
)
TRAINS = ("A", "B")
# failure mode -> (symptom phrases, actions with parts and hours)
FAILURES: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, float], ...]]] = {
    "VIB": (
        ("진동 심함", "진동 증가", "진동 높음", "vibration high"),
        (("베어링 교체", "bearing", 6.0), ("축 정렬 조정", "", 4.0), ("로터 밸런싱", "", 8.0)),
    ),
    "ELP": (
        ("누설 발생", "누수 있음", "패킹 누설", "leak found"),
        (("메카니컬 씰 교체", "mechanical seal", 6.0), ("가스켓 교체", "gasket", 3.0), ("패킹 교체", "packing", 2.0)),
    ),
    "OHE": (
        ("온도 상승", "과열", "베어링 온도 높음", "overheating"),
        (("윤활유 교체", "lube oil", 2.0), ("냉각수 라인 청소", "", 3.0), ("베어링 교체", "bearing", 6.0)),
    ),
    "NOI": (
        ("이상 소음", "소음 발생", "금속음 들림", "abnormal noise"),
        (("커플링 점검 및 교체", "coupling", 5.0), ("베어링 교체", "bearing", 6.0)),
    ),
    "FTS": (
        ("기동 불가", "기동 안됨", "start failure"),
        (("차단기 리셋 및 점검", "", 2.0), ("제어회로 릴레이 교체", "relay", 3.0)),
    ),
    "PLU": (("막힘", "차압 상승", "clogged"), (("스트레이너 청소", "", 2.0), ("필터 교체", "filter element", 1.5))),
}
URGENCY = ("", "긴급", "우선처리 요망", "점검요망", "확인 부탁드립니다", "계획정비 시 조치", "순회 중 발견")


def synthetic_register(units: Sequence[str] = ("1", "2")) -> list[FunctionalLocation]:
    out: list[FunctionalLocation] = []
    for unit in units:
        for system, code, cls, ko, en, tag in EQUIPMENT:
            for t, train in enumerate(TRAINS, start=1):
                out.append(
                    FunctionalLocation(
                        kks=f"{unit}{system}{t}0{code}001",
                        unit=unit,
                        system=system,
                        train=train,
                        name_ko=f"{unit}호기 {ko} {train}",
                        name_en=f"Unit {unit} {en} {train}",
                        equipment_class=cls,
                        parent=f"{unit}{system}",
                        criticality="A" if cls == "PU" else "B",
                        aliases=[f"#{unit} {tag} {train}", f"{unit}-{tag}-{train}"],
                    )
                )
    return out


def synthetic_procedures() -> list[Procedure]:
    out: list[Procedure] = []
    for i, (system, _, cls, ko, en, _tag) in enumerate(EQUIPMENT):
        for j, (fm, (_, actions)) in enumerate(FAILURES.items()):
            if (i + j) % 2:
                continue
            act = actions[0][0]
            out.append(
                Procedure(
                    id=f"PRC-{len(out) + 1:03d}",
                    kind="repair",
                    title_ko=f"{ko} {act} 절차",
                    title_en=f"{en} repair ({fm})",
                    equipment_class=cls,
                    systems=[system],
                    failure_modes=[fm],
                    steps=[f"{ko} 격리", f"{act}", "시운전 및 확인"],
                )
            )
        out.append(
            Procedure(
                id=f"PRC-{len(out) + 1:03d}",
                kind="isolation",
                title_ko=f"{ko} 격리 절차",
                title_en=f"{en} isolation",
                equipment_class=cls,
                systems=[system],
                failure_modes=[],
                steps=["전원 차단", "밸브 잠금", "잔압 제거"],
            )
        )
    return out


def synthetic_work_orders(
    register: Sequence[FunctionalLocation], n: int, seed: int = 7, as_of: date = date(2026, 11, 1), open_recent: int = 0
) -> list[WorkOrder]:
    rng = random.Random(seed)
    fms = list(FAILURES)
    out = []
    for i in range(n + open_recent):
        fl = register[rng.randrange(len(register))]
        fm = fms[rng.randrange(len(fms))]
        symptoms, actions = FAILURES[fm]
        action, part, hours = actions[rng.randrange(len(actions))]
        is_open = i >= n
        reported = as_of - timedelta(days=rng.randrange(1, 29) if is_open else rng.randrange(30, 3650))
        name = rng.choice([fl.name_ko, *fl.aliases])
        text = " ".join(x for x in (name, rng.choice(symptoms), rng.choice(URGENCY)) if x)
        out.append(
            WorkOrder(
                id=f"WO-{reported.year}-{i + 1:05d}",
                kks=fl.kks,
                unit=fl.unit,
                system=fl.system,
                equipment_class=fl.equipment_class,
                failure_mode=fm,
                priority=rng.randint(1, 4),
                text=text,
                reported_at=reported,
                closed_at=None if is_open else reported + timedelta(days=rng.randrange(0, 5)),
                status="open" if is_open else "closed",
                actions="" if is_open else action,
                parts=[Part(name=part)] if part and not is_open else [],
                labour_hours=0.0 if is_open else hours,
            )
        )
    return out


def synthetic_plant(work_orders: int = 300, seed: int = 7, open_recent: int = 5) -> PlantData:
    register = synthetic_register()
    return PlantData(
        locations=register,
        work_orders=synthetic_work_orders(register, work_orders, seed, open_recent=open_recent),
        procedures=synthetic_procedures(),
    )


class HashEmbedder:
    """Deterministic bag-of-tokens embedder (tests and benchmarks of the index, not of relevance)."""

    def __init__(self, dimension: int = 384) -> None:
        self.dimension = dimension

    def _one(self, text: str) -> npt.NDArray[np.float32]:
        v = np.zeros(self.dimension, dtype=np.float32)
        for tok in tokens(text):
            h = zlib.crc32(tok.encode())
            v[h % self.dimension] += 1.0 if (h >> 16) & 1 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0:
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")
            v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
            n = float(np.linalg.norm(v))
        return v / n

    def embed(self, texts: Sequence[str], kind: Literal["query", "passage"]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._one(t) for t in texts])
