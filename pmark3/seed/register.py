"""The demo plant's equipment register: functional locations with KKS codes, names and aliases.

KKS layout: ``<unit><system><2-digit system number><2-letter equipment unit code><3-digit number>``.
The system number carries the train: A=10, B=20, C=30, D=40; equipment without a train
(a single deaerator, numbered heaters, a header) uses 10. Sub-equipment (a pump's motor, its
lube-oil pump, a fan's damper) shares its parent's system number. Equipment unit codes beyond
the catalog README's list are this plant's own choices, documented in ``EQUIPMENT_UNIT_CODES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pmark3.catalog import load_catalog
from pmark3.plant import Criticality, FunctionalLocation

EQUIPMENT_UNIT_CODES: dict[str, str] = {
    "AA": "valves and dampers",
    "AC": "heat exchangers and heat-transfer surfaces (boiler tube banks too)",
    "AE": "turning gear, cranes and hoists",
    "AF": "conveyors and feeders (incl. stacker-reclaimers)",
    "AJ": "size reduction machines (mills, crushers)",
    "AN": "fans, blowers and compressors",
    "AP": "pumps",
    "AT": "filters, strainers, screens and air dryers",
    "AV": "burners",
    "BB": "tanks and vessels",
    "BR": "piping and headers",
    "CF": "flow measurement",
    "CL": "level measurement",
    "CP": "pressure measurement",
    "CQ": "analysers (DGA, conductivity, pH, H2 purity)",
    "CR": "flame detection",
    "CT": "temperature measurement",
    "CW": "weighing (load cells, belt scales)",
    "CY": "vibration measurement",
    "EC": "PLC / DCS / controller cabinets and protection relays",
    "GA": "generators",
    "GB": "batteries and battery chargers",
    "GC": "frequency converters and thyristor rectifiers",
    "GM": "electric drive motors",
    "GS": "switchgear, breakers, distribution boards",
    "GT": "transformers (incl. ESP transformer-rectifier sets)",
    "GU": "UPS",
    "GW": "power cables and bus ducts",
    "HA": "turbine casings and rotors",
}

TRAIN_NUMBER: dict[str, str] = {"A": "10", "B": "20", "C": "30", "D": "40"}
# How operators name the plant-common areas in front of a tag ("운탄 BC-4", "WTP MB-A").
COMMON_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "EAC": ("운탄", "CHP"),
    "GCF": ("수처리", "WTP"),
    "EGB": ("유류",),
    "EGC": ("연료유",),
}
COMMON_SYSTEMS: frozenset[str] = frozenset({"EAC", "GCF", "EGB", "EGC"})


@dataclass(frozen=True)
class Item:
    """A register template entry, expanded per unit and per train."""

    key: str
    code: str
    nr: int
    cls: str
    ko: str
    en: str
    crit: Criticality
    tags: tuple[str, ...] = ()
    ko_alt: tuple[str, ...] = ()
    trains: str = ""
    label: str = ""
    parent: str | None = None
    # Sub-equipment: how operators shorten it after the parent's tag ("#2 BFP B 모터").
    short_ko: str = ""
    short_en: str = ""
    dash: str = ""


def main(
    key: str,
    code: str,
    nr: int,
    cls: str,
    ko: str,
    en: str,
    crit: Criticality,
    tags: str,
    trains: str = "",
    *,
    label: str = "",
    ko_alt: str = "",
) -> Item:
    return Item(
        key,
        code,
        nr,
        cls,
        ko,
        en,
        crit,
        tuple(t for t in tags.split("|") if t),
        tuple(k for k in ko_alt.split("|") if k),
        trains,
        label,
    )


def sub(
    key: str,
    parent: str,
    code: str,
    nr: int,
    cls: str,
    ko: str,
    en: str,
    crit: Criticality,
    short: str,
    dash: str,
    trains: str = "",
) -> Item:
    """Sub-equipment of ``parent`` (on ``trains`` only, if given); ``short`` is "ko|en" as written after its tag."""
    short_ko, short_en = short.split("|")
    return Item(
        key, code, nr, cls, ko, en, crit, trains=trains, parent=parent, short_ko=short_ko, short_en=short_en, dash=dash
    )


def motor(parent: str, nr: int = 1, crit: Criticality = "B") -> Item:
    return sub(f"{parent}_m{nr}", parent, "GM", nr, "EM", "전동기", "motor", crit, "모터|motor", "M")


def numbered(
    key: str,
    code: str,
    cls: str,
    ko: str,
    en: str,
    crit: Criticality,
    tag: str,
    labels: list[tuple[int, str]],
    ko_alt: str = "",
) -> list[Item]:
    """Equipment told apart by a number rather than a train (HP heater 6/7/8, IK-07)."""
    return [main(f"{key}{lab}", code, nr, cls, ko, en, crit, tag, label=lab, ko_alt=ko_alt) for nr, lab in labels]


def _fan(prefix: str, ko: str, en: str, tags: str, ko_alt: str, vfd: bool = False) -> list[Item]:
    items = [
        main(prefix, "AN", 1, "BL", ko, en, "A", tags, "AB", ko_alt=ko_alt),
        motor(prefix, 1, "A"),
        sub(f"{prefix}_lop", prefix, "AP", 1, "PU", "윤활유펌프", "lube oil pump", "B", "윤활유펌프|LO pump", "LOP"),
        sub(
            f"{prefix}_lof", prefix, "AT", 1, "FS", "윤활유필터", "lube oil filter", "C", "윤활유 필터|LO filter", "LOF"
        ),
        sub(f"{prefix}_dmp", prefix, "AA", 1, "VA", "출구댐퍼", "outlet damper", "B", "출구댐퍼|outlet damper", "DMP"),
        sub(
            f"{prefix}_te",
            prefix,
            "CT",
            1,
            "IP",
            "베어링 온도계",
            "bearing temperature element",
            "C",
            "베어링 TE|bearing TE",
            "TE",
        ),
        sub(f"{prefix}_ve", prefix, "CY", 1, "IP", "진동 센서", "vibration probe", "C", "진동센서|vib probe", "VE"),
    ]
    if vfd:
        items.append(
            sub(
                f"{prefix}_vfd", prefix, "GC", 1, "FC", "인버터(VFD)", "variable frequency drive", "B", "VFD|VFD", "VFD"
            )
        )
    return items


def _pump_set(
    prefix: str,
    nr: int,
    ko: str,
    en: str,
    tags: str,
    trains: str,
    crit: Criticality,
    ko_alt: str = "",
    strainer: bool = False,
) -> list[Item]:
    items = [main(prefix, "AP", nr, "PU", ko, en, crit, tags, trains, ko_alt=ko_alt), motor(prefix, nr, crit)]
    if strainer:
        items.append(
            sub(
                f"{prefix}_str",
                prefix,
                "AT",
                nr,
                "FS",
                "흡입 스트레이너",
                "suction strainer",
                "C",
                "흡입 스트레이너|suction strainer",
                "STR",
            )
        )
    return items


# One list per KKS system. Shorthand tags ("BFP") come first; ko_alt are other Korean names.
SYSTEM_ITEMS: dict[str, list[Item]] = {
    "HAC": [
        main("eco", "AC", 1, "HB", "절탄기 튜브", "economizer tube bank", "A", "ECO", ko_alt="이코노마이저"),
        main("eco_hdr", "BR", 1, "PI", "절탄기 입구헤더", "economizer inlet header", "B", "ECO-HDR"),
        main("eco_iv", "AA", 1, "VA", "절탄기 입구밸브", "economizer inlet valve", "B", "ECO-IV"),
        main("eco_dv", "AA", 2, "VA", "절탄기 드레인밸브", "economizer drain valve", "C", "ECO-DV"),
        main("eco_te", "CT", 1, "IP", "절탄기 출구온도 TE", "economizer outlet temperature element", "C", "ECO-TE"),
    ],
    "HAD": [
        main("ww", "AC", 1, "HB", "수냉벽 튜브", "furnace waterwall tubes", "A", "WW", ko_alt="워터월"),
        main("drum", "BB", 1, "VE", "기수드럼", "steam drum", "A", "DRUM", ko_alt="드럼"),
        *numbered(
            "drum_lt",
            "CL",
            "IP",
            "드럼 수위전송기",
            "drum level transmitter",
            "B",
            "LT",
            [(1, "2A"), (2, "2B"), (3, "2C")],
        ),
        main("drum_sv", "AA", 1, "VA", "드럼 안전밸브", "drum safety valve", "A", "DRUM-SV"),
        main("cbd", "AA", 2, "VA", "연속블로다운밸브", "continuous blowdown valve", "C", "CBD"),
        main("drum_pt", "CP", 1, "IP", "드럼 압력전송기", "drum pressure transmitter", "B", "DRUM-PT"),
    ],
    "HAH": [
        main("sh1", "AC", 1, "HB", "1차과열기", "primary superheater", "A", "PSH"),
        main("sh2", "AC", 2, "HB", "2차과열기", "platen superheater", "A", "SSH", ko_alt="플래튼과열기"),
        main("sh3", "AC", 3, "HB", "최종과열기", "final superheater", "A", "FSH"),
        main("sh_spray", "AA", 1, "VA", "과열기 감온수 조절밸브", "SH spray control valve", "B", "SH-SPRAY"),
        main("sh_sv", "AA", 2, "VA", "과열기 안전밸브", "SH safety valve", "A", "SH-SV"),
        *numbered(
            "sh_te",
            "CT",
            "IP",
            "과열기 출구헤더 TE",
            "SH outlet header temperature element",
            "C",
            "SH-TE",
            [(1, "1"), (2, "2"), (3, "3")],
        ),
    ],
    "HAJ": [
        main("rh", "AC", 1, "HB", "재열기 튜브", "reheater tube bank", "A", "RH"),
        main("rh_spray", "AA", 1, "VA", "재열기 감온수 밸브", "RH spray valve", "B", "RH-SPRAY"),
        main("rh_sv", "AA", 2, "VA", "재열기 안전밸브", "RH safety valve", "A", "RH-SV"),
        main("rh_te", "CT", 1, "IP", "재열기 출구온도 TE", "RH outlet temperature element", "C", "RH-TE"),
    ],
    "HHA": [
        *[main(f"bnr{n}", "AV", n, "HB", f"버너 {n}번", f"burner no.{n}", "B", f"BNR-{n}", "ABCD") for n in (1, 2, 3)],
        main("scanner", "CR", 1, "IP", "화염감시기", "flame scanner", "B", "FS-SCN", "ABCD", ko_alt="플레임스캐너"),
        main("gas_valve", "AA", 1, "VA", "버너 가스차단밸브", "burner gas shut-off valve", "A", "BGV", "ABCD"),
        main("igniter", "AV", 9, "HB", "점화기", "igniter", "C", "IGN", "ABCD"),
    ],
    "HFB": [
        main("fdr", "AF", 1, "CV", "급탄기", "coal feeder", "B", "FDR", "ABCD", ko_alt="피더"),
        motor("fdr", 1, "C"),
        sub("fdr_lc", "fdr", "CW", 1, "IP", "로드셀", "load cell", "C", "로드셀|load cell", "LC"),
        sub("fdr_vfd", "fdr", "GC", 1, "FC", "인버터(VFD)", "variable frequency drive", "C", "인버터|VFD", "VFD"),
        sub("fdr_gate", "fdr", "AA", 1, "VA", "입구게이트", "inlet gate", "C", "입구게이트|inlet gate", "GATE"),
    ],
    "HFC": [
        main("mill", "AJ", 1, "CV", "미분기", "coal mill", "A", "MILL", "ABCD", ko_alt="밀"),
        motor("mill", 1, "A"),
        sub(
            "mill_cls",
            "mill",
            "GM",
            2,
            "EM",
            "분급기 구동모터",
            "classifier drive motor",
            "B",
            "분급기 모터|classifier motor",
            "CLM",
        ),
        sub("mill_lop", "mill", "AP", 1, "PU", "윤활유펌프", "lube oil pump", "B", "윤활유펌프|LO pump", "LOP"),
        sub("mill_lof", "mill", "AT", 1, "FS", "윤활유필터", "lube oil filter", "C", "윤활유필터|LO filter", "LOF"),
        sub("mill_loc", "mill", "AC", 1, "HE", "윤활유냉각기", "lube oil cooler", "C", "오일쿨러|LO cooler", "LOC"),
        sub(
            "mill_te",
            "mill",
            "CT",
            1,
            "IP",
            "출구온도 TE",
            "outlet temperature element",
            "B",
            "출구온도계|outlet TE",
            "TE",
        ),
        sub(
            "mill_dp",
            "mill",
            "CP",
            1,
            "IP",
            "차압전송기",
            "differential pressure transmitter",
            "C",
            "차압계|DP transmitter",
            "DPT",
        ),
        sub("mill_hd", "mill", "AA", 1, "VA", "열풍댐퍼", "hot air damper", "B", "열풍댐퍼|hot air damper", "HAD"),
    ],
    "HFD": _fan("paf", "1차공기송풍기", "primary air fan", "PAF|PA fan", "1차송풍기"),
    "HLB": _fan("fdf", "압입송풍기", "forced draft fan", "FDF|FD fan", "압입통풍기"),
    "HNC": _fan("idf", "유인송풍기", "induced draft fan", "IDF|ID fan", "유인통풍기", vfd=True),
    "HLD": [
        main("gah", "AC", 1, "HE", "공기예열기", "air preheater", "A", "GAH|APH", "AB", ko_alt="에어히터"),
        sub("gah_m", "gah", "GM", 1, "EM", "주구동모터", "main drive motor", "B", "주모터|main motor", "M"),
        sub("gah_am", "gah", "GM", 2, "EM", "보조구동모터", "air drive/aux motor", "C", "보조모터|aux motor", "AM"),
        sub(
            "gah_op",
            "gah",
            "AP",
            1,
            "PU",
            "지지베어링 오일펌프",
            "support bearing oil pump",
            "C",
            "베어링 오일펌프|bearing oil pump",
            "BOP",
        ),
        sub(
            "gah_te",
            "gah",
            "CT",
            1,
            "IP",
            "가스출구온도 TE",
            "gas outlet temperature element",
            "C",
            "출구가스 TE|gas outlet TE",
            "TE",
        ),
    ],
    "HCB": [
        *[
            main(
                f"ik{n:02d}",
                "GM",
                n,
                "EM",
                f"IK-{n:02d} 구동모터",
                f"IK-{n:02d} sootblower drive motor",
                "C",
                f"IK-{n:02d}",
            )
            for n in range(1, 9)
        ],
        *[
            main(
                f"ikv{n:02d}", "AA", n, "VA", f"IK-{n:02d} 포펫밸브", f"IK-{n:02d} poppet valve", "C", f"IK-{n:02d}-PV"
            )
            for n in range(1, 9)
        ],
        main("sb_plc", "EC", 1, "CL", "수트블로워 PLC", "sootblower PLC", "B", "SB-PLC"),
        main("sb_prv", "AA", 100, "VA", "수트블로워 감압밸브", "sootblower pressure reducing valve", "B", "SB-PRV"),
        main("sb_pt", "CP", 1, "IP", "수트블로워 헤더압력 PT", "sootblower header pressure transmitter", "C", "SB-PT"),
    ],
    "HDE": [
        *[
            main(f"tr{n}", "GT", n, "PT", f"TR세트 {n}필드", f"T/R set field {n}", "B", f"TR-{n}", "AB")
            for n in (1, 2, 3, 4)
        ],
        main("rap", "GM", 1, "EM", "추타장치 모터", "rapper motor", "C", "RAP", "AB"),
        main("esp_ctl", "EC", 1, "CL", "집진기 제어반", "ESP controller", "B", "ESP-CTL"),
        main("esp_ls", "CL", 1, "IP", "호퍼 레벨스위치", "hopper level switch", "C", "HOP-LS", "AB"),
    ],
    "HTA": [
        main("abs", "BB", 1, "VE", "흡수탑", "absorber", "A", "ABS"),
        *_pump_set("rcp", 1, "흡수탑 재순환펌프", "absorber recirculation pump", "RCP", "ABCD", "A"),
        main("oab", "AN", 1, "BL", "산화공기송풍기", "oxidation air blower", "B", "OAB", "AB"),
        motor("oab", 4, "B"),
        *_pump_set("lsp", 2, "석회석슬러리 공급펌프", "limestone slurry feed pump", "LSP", "AB", "B"),
        main("lscv", "AA", 1, "VA", "석회석슬러리 공급 조절밸브", "limestone slurry feed control valve", "B", "LS-CV"),
        *_pump_set("gbp", 3, "석고배출펌프", "gypsum bleed pump", "GBP", "AB", "B"),
        main("me_wv", "AA", 2, "VA", "미스트제거기 세정밸브", "mist eliminator wash valve", "C", "ME-WV"),
        main("ph", "CQ", 1, "IP", "흡수탑 pH 분석기", "absorber pH analyser", "B", "PH-AT"),
        main("so2", "CQ", 2, "IP", "SO2 분석기", "SO2 analyser", "B", "SO2-AT"),
    ],
    "LAA": [
        main("da", "BB", 1, "VE", "탈기기", "deaerator", "A", "DA", ko_alt="디에어레이터"),
        *numbered(
            "da_lt", "CL", "IP", "탈기기 수위전송기", "deaerator level transmitter", "B", "DA-LT", [(1, "1"), (2, "2")]
        ),
        main("da_pt", "CP", 1, "IP", "탈기기 압력전송기", "deaerator pressure transmitter", "C", "DA-PT"),
        main("da_lcv", "AA", 1, "VA", "탈기기 수위조절밸브", "deaerator level control valve", "B", "DA-LCV"),
        main("da_sv", "AA", 2, "VA", "탈기기 안전밸브", "deaerator safety valve", "A", "DA-SV"),
        main("da_vv", "AA", 3, "VA", "탈기기 벤트밸브", "deaerator vent valve", "C", "DA-VV"),
    ],
    "LAB": [
        main("fwl", "BR", 1, "PI", "주급수배관", "main feedwater line", "A", "FW-LINE", ko_alt="급수라인"),
        main("fcv", "AA", 1, "VA", "주급수 조절밸브", "main feedwater control valve", "A", "FWCV"),
        main("fcv_bp", "AA", 2, "VA", "급수 바이패스 조절밸브", "feedwater bypass control valve", "B", "FWCV-BP"),
        main("fw_chk", "AA", 3, "VA", "급수 체크밸브", "feedwater check valve", "B", "FW-CHK"),
        *numbered(
            "fw_ft", "CF", "IP", "급수유량 전송기", "feedwater flow transmitter", "A", "FW-FT", [(1, "A"), (2, "B")]
        ),
    ],
    "LAC": [
        main("bfp", "AP", 1, "PU", "급수펌프", "boiler feed pump", "A", "BFP", "ABC", ko_alt="보일러급수펌프"),
        # A and B are turbine-driven, C is the motor-driven start-up pump.
        sub("bfpt", "bfp", "HA", 1, "ST", "구동터빈", "drive turbine", "A", "구동터빈|turbine", "T", "AB"),
        sub("bfp_m", "bfp", "GM", 1, "EM", "전동기", "motor", "A", "모터|motor", "M", "C"),
        sub("bfp_bp", "bfp", "AP", 2, "PU", "부스터펌프", "booster pump", "A", "부스터펌프|booster pump", "BP"),
        sub(
            "bfp_bpm",
            "bfp",
            "GM",
            2,
            "EM",
            "부스터펌프 모터",
            "booster pump motor",
            "B",
            "부스터 모터|booster motor",
            "BPM",
        ),
        sub("bfp_lop", "bfp", "AP", 3, "PU", "윤활유펌프", "lube oil pump", "B", "윤활유펌프|LO pump", "LOP"),
        sub("bfp_lof", "bfp", "AT", 1, "FS", "윤활유필터", "lube oil filter", "C", "윤활유필터|LO filter", "LOF"),
        sub(
            "bfp_str",
            "bfp",
            "AT",
            2,
            "FS",
            "흡입 스트레이너",
            "suction strainer",
            "B",
            "흡입 스트레이너|suction strainer",
            "STR",
        ),
        sub(
            "bfp_rcv", "bfp", "AA", 1, "VA", "재순환밸브", "recirculation valve", "B", "재순환밸브|recirc valve", "RCV"
        ),
        sub("bfp_dv", "bfp", "AA", 2, "VA", "토출밸브", "discharge valve", "B", "토출밸브|discharge valve", "DV"),
        sub(
            "bfp_ve",
            "bfp",
            "CY",
            1,
            "IP",
            "베어링 진동센서",
            "bearing vibration probe",
            "C",
            "진동센서|vib probe",
            "VE",
        ),
        sub(
            "bfp_pt",
            "bfp",
            "CP",
            1,
            "IP",
            "토출압력 PT",
            "discharge pressure transmitter",
            "C",
            "토출 PT|discharge PT",
            "PT",
        ),
    ],
    "LAD": [
        *numbered(
            "hph",
            "AC",
            "HE",
            "고압히터",
            "HP heater",
            "A",
            "HPH",
            [(6, "6"), (7, "7"), (8, "8")],
            ko_alt="고압급수가열기",
        ),
        *numbered(
            "hph_lt",
            "CL",
            "IP",
            "고압히터 수위전송기",
            "HP heater level transmitter",
            "B",
            "HPH-LT",
            [(6, "6"), (7, "7"), (8, "8")],
        ),
        *numbered(
            "hph_ndv",
            "AA",
            "VA",
            "고압히터 정상드레인밸브",
            "HP heater drain valve",
            "B",
            "HPH-NDV",
            [(6, "6"), (7, "7"), (8, "8")],
        ),
        *numbered(
            "hph_hdv",
            "AA",
            "VA",
            "고압히터 고수위드레인밸브",
            "HP heater high-level dump valve",
            "B",
            "HPH-HDV",
            [(16, "6"), (17, "7"), (18, "8")],
        ),
    ],
    "LBA": [
        main("ms", "BR", 1, "PI", "주증기배관", "main steam line", "A", "MS", ko_alt="주증기"),
        main("msv", "AA", 10, "VA", "주증기정지밸브", "main stop valve", "A", "MSV", "AB"),
        main("ms_drn", "AA", 1, "VA", "주증기 드레인밸브", "main steam drain valve", "C", "MS-DRN"),
        main("ms_pt", "CP", 1, "IP", "주증기 압력전송기", "main steam pressure transmitter", "B", "MS-PT"),
        main("ms_te", "CT", 1, "IP", "주증기 온도 TE", "main steam temperature element", "B", "MS-TE"),
    ],
    "LBB": [
        main("hrh", "BR", 1, "PI", "고온재열증기배관", "hot reheat line", "A", "HRH"),
        main("rsv", "AA", 10, "VA", "재열정지밸브", "reheat stop valve", "A", "RSV", "AB"),
        main("hrh_drn", "AA", 1, "VA", "고온재열 드레인밸브", "hot reheat drain valve", "C", "HRH-DRN"),
        main("hrh_te", "CT", 1, "IP", "고온재열 온도 TE", "hot reheat temperature element", "C", "HRH-TE"),
    ],
    "LBC": [
        main("crh", "BR", 1, "PI", "저온재열증기배관", "cold reheat line", "A", "CRH"),
        main("crh_chk", "AA", 1, "VA", "저온재열 체크밸브", "cold reheat check valve", "A", "CRH-CHK"),
        main("crh_drn", "AA", 2, "VA", "저온재열 드레인밸브", "cold reheat drain valve", "C", "CRH-DRN"),
        main("crh_pt", "CP", 1, "IP", "저온재열 압력전송기", "cold reheat pressure transmitter", "C", "CRH-PT"),
    ],
    "LBG": [
        main("as_hdr", "BR", 1, "PI", "보조증기 헤더", "auxiliary steam header", "B", "AS-HDR", ko_alt="소내증기 헤더"),
        main("as_prv", "AA", 1, "VA", "보조증기 감압밸브", "aux steam pressure reducing valve", "B", "AS-PRV"),
        main("as_sv", "AA", 2, "VA", "보조증기 안전밸브", "aux steam safety valve", "B", "AS-SV"),
        main("as_trap", "AA", 3, "VA", "보조증기 스팀트랩", "aux steam trap", "C", "AS-TRAP"),
        main("as_pt", "CP", 1, "IP", "보조증기 압력전송기", "aux steam pressure transmitter", "C", "AS-PT"),
    ],
    "LCA": [
        main("cd_line", "BR", 1, "PI", "복수배관", "main condensate line", "B", "CD-LINE", ko_alt="복수라인"),
        main("cd_mfv", "AA", 1, "VA", "복수 최소유량밸브", "condensate minimum flow valve", "B", "CD-MFV"),
        main("cd_bpv", "AA", 2, "VA", "저압히터 바이패스밸브", "LP heater bypass valve", "C", "LPH-BPV"),
        main("gsc", "AC", 1, "HE", "그랜드증기 복수기", "gland steam condenser", "B", "GSC"),
        main("cd_ft", "CF", 1, "IP", "복수유량 전송기", "condensate flow transmitter", "B", "CD-FT"),
    ],
    "LCB": [
        *_pump_set(
            "cep", 1, "복수펌프", "condensate extraction pump", "CEP|CP", "AB", "A", "복수추출펌프", strainer=True
        ),
        sub("cep_dv", "cep", "AA", 1, "VA", "토출밸브", "discharge valve", "C", "토출밸브|discharge valve", "DV"),
        sub(
            "cep_pt",
            "cep",
            "CP",
            1,
            "IP",
            "토출압력 PT",
            "discharge pressure transmitter",
            "C",
            "토출 PT|discharge PT",
            "PT",
        ),
        sub("cep_ve", "cep", "CY", 1, "IP", "진동센서", "vibration probe", "C", "진동센서|vib probe", "VE"),
    ],
    "LCC": [
        *numbered(
            "lph",
            "AC",
            "HE",
            "저압히터",
            "LP heater",
            "B",
            "LPH",
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
            ko_alt="저압급수가열기",
        ),
        *numbered(
            "lph_lt",
            "CL",
            "IP",
            "저압히터 수위전송기",
            "LP heater level transmitter",
            "C",
            "LPH-LT",
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        ),
        *numbered(
            "lph_dv",
            "AA",
            "VA",
            "저압히터 드레인밸브",
            "LP heater drain valve",
            "C",
            "LPH-DV",
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        ),
        *_pump_set("hdp", 1, "히터드레인펌프", "heater drain pump", "HDP", "AB", "B"),
    ],
    "MAA": [
        main("hpt", "HA", 1, "ST", "고압터빈", "HP turbine", "A", "HPT", ko_alt="HP터빈"),
        *numbered(
            "hp_cv",
            "AA",
            "VA",
            "고압 조속밸브",
            "HP governor valve",
            "A",
            "GV",
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
            ko_alt="거버너밸브",
        ),
        *numbered(
            "hp_ve",
            "CY",
            "IP",
            "고압터빈 베어링 진동센서",
            "HP turbine bearing vibration probe",
            "B",
            "BRG-VE",
            [(1, "1"), (2, "2")],
        ),
        *numbered(
            "hp_te",
            "CT",
            "IP",
            "고압터빈 베어링 메탈온도",
            "HP turbine bearing metal temperature",
            "C",
            "BRG-TE",
            [(1, "1"), (2, "2")],
        ),
    ],
    "MAB": [
        main("ipt", "HA", 1, "ST", "중압터빈", "IP turbine", "A", "IPT", ko_alt="IP터빈"),
        *numbered("ip_icv", "AA", "VA", "중압 인터셉트밸브", "IP intercept valve", "A", "ICV", [(1, "1"), (2, "2")]),
        *numbered(
            "ip_ve",
            "CY",
            "IP",
            "중압터빈 베어링 진동센서",
            "IP turbine bearing vibration probe",
            "B",
            "BRG-VE",
            [(3, "3"), (4, "4")],
        ),
    ],
    "MAC": [
        main("lpt", "HA", 1, "ST", "저압터빈", "LP turbine", "A", "LPT", "AB", ko_alt="LP터빈"),
        *numbered(
            "lp_ve",
            "CY",
            "IP",
            "저압터빈 베어링 진동센서",
            "LP turbine bearing vibration probe",
            "B",
            "BRG-VE",
            [(5, "5"), (6, "6"), (7, "7"), (8, "8")],
        ),
        main("lp_hood", "AA", 1, "VA", "배기후드 살수밸브", "exhaust hood spray valve", "C", "HOOD-SPRAY"),
    ],
    "MAG": [
        main("cond", "AC", 1, "HE", "복수기", "main condenser", "A", "COND", ko_alt="주복수기|콘덴서"),
        main("wb_v", "AA", 1, "VA", "복수기 수실 입구밸브", "condenser waterbox inlet valve", "B", "WB-V", "AB"),
        *numbered(
            "hw_lt", "CL", "IP", "핫웰 수위전송기", "hotwell level transmitter", "B", "HW-LT", [(1, "1"), (2, "2")]
        ),
        main("vac_pt", "CP", 1, "IP", "복수기 진공 압력전송기", "condenser vacuum transmitter", "B", "VAC-PT"),
        main("bcs", "AT", 1, "FS", "볼 스트레이너", "tube cleaning ball strainer", "C", "BALL-STR"),
        main("bcp", "AP", 1, "PU", "볼 순환펌프", "ball recirculation pump", "C", "BCP"),
    ],
    "MAJ": [
        *_pump_set("vp", 1, "진공펌프", "vacuum pump", "VP", "AB", "A"),
        sub("vp_sep", "vp", "BB", 1, "VE", "분리탱크", "separator tank", "C", "분리탱크|separator", "SEP"),
        sub("vp_clr", "vp", "AC", 1, "HE", "냉각기", "seal water cooler", "C", "냉각기|cooler", "CLR"),
        sub("vp_iv", "vp", "AA", 1, "VA", "흡입밸브", "air inlet valve", "C", "흡입밸브|inlet valve", "IV"),
    ],
    "MAK": [
        main("tg", "AE", 1, "ST", "터닝기어", "turning gear", "B", "T/G|TG", ko_alt="회전장치"),
        motor("tg", 1, "B"),
        sub("jop", "tg", "AP", 1, "PU", "잭킹오일펌프", "jacking oil pump", "B", "잭킹오일펌프|JOP", "JOP"),
    ],
    "MAV": [
        main("mot", "BB", 1, "TA", "주유탱크", "main oil tank", "A", "MOT", ko_alt="메인오일탱크"),
        main("aop", "AP", 1, "PU", "보조유펌프", "auxiliary oil pump", "A", "AOP"),
        motor("aop", 1, "B"),
        main("eop", "AP", 2, "PU", "직류 윤활유펌프", "DC lube oil pump", "A", "EOP", ko_alt="DC 오일펌프"),
        motor("eop", 2, "B"),
        main("lo_clr", "AC", 1, "HE", "윤활유냉각기", "lube oil cooler", "B", "LO-CLR", "AB", ko_alt="오일쿨러"),
        main("lo_flt", "AT", 1, "FS", "윤활유필터", "lube oil filter", "B", "LO-FLT", "AB"),
        main("vex", "AN", 1, "BL", "오일미스트 배기팬", "oil vapour extractor", "C", "VEX"),
        motor("vex", 3, "C"),
        main("lo_pt", "CP", 1, "IP", "윤활유 헤더압력 PT", "lube oil header pressure transmitter", "B", "LO-PT"),
        main("mot_lt", "CL", 1, "IP", "주유탱크 레벨전송기", "main oil tank level transmitter", "B", "MOT-LT"),
    ],
    "MAX": [
        main("ehc_tank", "BB", 1, "TA", "EHC 유탱크", "EHC fluid reservoir", "B", "EHC-TK"),
        *_pump_set("ehc_p", 1, "EHC 펌프", "EHC pump", "EHC-P", "AB", "A"),
        main("ehc_flt", "AT", 1, "FS", "EHC 필터", "EHC filter", "B", "EHC-FLT", "AB"),
        main("ehc_acc", "BB", 2, "VE", "EHC 어큐뮬레이터", "EHC accumulator", "B", "EHC-ACC"),
        main("ehc_pt", "CP", 1, "IP", "EHC 헤더압력 PT", "EHC header pressure transmitter", "B", "EHC-PT"),
        main("ehc_clr", "AC", 1, "HE", "EHC 냉각기", "EHC fluid cooler", "C", "EHC-CLR"),
        *numbered(
            "servo",
            "AA",
            "VA",
            "조속밸브 서보밸브",
            "governor valve servo valve",
            "B",
            "SERVO",
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        ),
    ],
    "MKA": [
        main("gen", "GA", 1, "EG", "발전기", "generator", "A", "GEN", ko_alt="제너레이터"),
        main("h2_clr", "AC", 1, "HE", "수소냉각기", "hydrogen cooler", "B", "H2-CLR", "ABCD"),
        main("h2_at", "CQ", 1, "IP", "수소순도 분석기", "H2 purity analyser", "B", "H2-AT"),
        main("gen_te", "CT", 1, "IP", "고정자 권선온도 RTD", "stator winding RTD", "B", "GEN-RTD"),
        main("gen_ve", "CY", 1, "IP", "발전기 베어링 진동센서", "generator bearing vibration probe", "B", "GEN-VE"),
        main("ipb", "GW", 1, "PC", "상분리모선", "isolated phase bus", "A", "IPB"),
    ],
    "MKC": [
        main("avr", "EC", 1, "CL", "AVR 제어기", "AVR controller", "A", "AVR", "AB", ko_alt="자동전압조정기"),
        main("ex_tr", "GT", 1, "PT", "여자변압기", "excitation transformer", "A", "EX-TR"),
        main("thy", "GC", 1, "FC", "사이리스터 정류기", "thyristor rectifier bridge", "B", "THY", "ABC"),
        main("fcb", "GS", 1, "SG", "계자차단기", "field circuit breaker", "A", "FCB"),
        main("ex_fan", "AN", 1, "BL", "여자기 냉각팬", "exciter cooling fan", "C", "EX-FAN", "AB"),
    ],
    "MKF": [
        *_pump_set("scw", 1, "고정자냉각수펌프", "stator cooling water pump", "SCWP", "AB", "A"),
        main("scw_clr", "AC", 1, "HE", "고정자냉각수 냉각기", "stator cooling water cooler", "B", "SCW-CLR", "AB"),
        main("scw_flt", "AT", 1, "FS", "고정자냉각수 필터", "stator cooling water filter", "B", "SCW-FLT", "AB"),
        main("scw_ce", "CQ", 1, "IP", "고정자냉각수 전도도계", "stator water conductivity meter", "B", "SCW-CE"),
        main("scw_tk", "BB", 1, "TA", "고정자냉각수 탱크", "stator cooling water tank", "C", "SCW-TK"),
    ],
    "MKW": [
        *_pump_set("sop", 1, "밀봉유펌프", "seal oil pump", "SOP", "AB", "A", "실오일펌프"),
        main("dsop", "AP", 2, "PU", "직류 밀봉유펌프", "DC seal oil pump", "A", "DC-SOP"),
        main("so_clr", "AC", 1, "HE", "밀봉유 냉각기", "seal oil cooler", "B", "SO-CLR"),
        main("so_flt", "AT", 1, "FS", "밀봉유 필터", "seal oil filter", "B", "SO-FLT"),
        main("dprv", "AA", 1, "VA", "밀봉유 차압조절밸브", "seal oil differential pressure regulator", "A", "DPRV"),
        main("so_vt", "BB", 1, "VE", "밀봉유 진공탱크", "seal oil vacuum tank", "C", "SO-VT"),
    ],
    "PAC": [
        *_pump_set("cwp", 1, "순환수펌프", "circulating water pump", "CWP|CW pump", "AB", "A", "해수순환펌프"),
        sub(
            "cwp_ts", "cwp", "AT", 1, "FS", "회전스크린", "travelling screen", "B", "회전스크린|travelling screen", "TS"
        ),
        sub(
            "cwp_dv",
            "cwp",
            "AA",
            1,
            "VA",
            "토출 버터플라이밸브",
            "discharge butterfly valve",
            "B",
            "토출밸브|discharge valve",
            "DV",
        ),
        sub(
            "cwp_te",
            "cwp",
            "CT",
            1,
            "IP",
            "모터 베어링 온도계",
            "motor bearing temperature element",
            "C",
            "베어링 TE|bearing TE",
            "TE",
        ),
        main("swp", "AP", 2, "PU", "스크린 세척펌프", "screen wash pump", "C", "SWP", "AB"),
        main("cw_crane", "AE", 1, "CR", "펌프하우스 천장크레인", "pump house overhead crane", "C", "CW-CRANE"),
    ],
    "PGB": [
        *_pump_set(
            "ccw",
            1,
            "폐회로냉각수펌프",
            "closed cooling water pump",
            "CCW|CCCW",
            "AB",
            "A",
            "기기냉각수펌프",
            strainer=True,
        ),
        main("ccw_hx", "AC", 1, "HE", "폐회로냉각수 열교환기", "CCW heat exchanger", "A", "CCW-HX", "AB"),
        main("ccw_tk", "BB", 1, "TA", "폐회로냉각수 헤드탱크", "CCW head tank", "C", "CCW-TK"),
        main("ccw_tcv", "AA", 1, "VA", "폐회로냉각수 온도조절밸브", "CCW temperature control valve", "B", "CCW-TCV"),
        main("ccw_pt", "CP", 1, "IP", "폐회로냉각수 압력전송기", "CCW header pressure transmitter", "C", "CCW-PT"),
    ],
    "QFA": [
        main("iac", "AN", 1, "CO", "공기압축기", "air compressor", "A", "IAC|air comp", "ABC", ko_alt="컴프레서"),
        motor("iac", 1, "B"),
        sub("iac_ac", "iac", "AC", 1, "HE", "애프터쿨러", "aftercooler", "C", "애프터쿨러|aftercooler", "AC"),
        sub("iac_if", "iac", "AT", 2, "FS", "흡입필터", "inlet filter", "C", "흡입필터|inlet filter", "IF"),
        main("dryer", "AT", 1, "FS", "공기건조기", "air dryer", "B", "DRYER", "AB", ko_alt="에어드라이어"),
        main("air_rcv", "BB", 1, "VE", "공기저장탱크", "air receiver", "B", "AIR-RCV", ko_alt="리시버탱크"),
        main(
            "ia_pt", "CP", 1, "IP", "계장공기 헤더압력 PT", "instrument air header pressure transmitter", "B", "IA-PT"
        ),
    ],
    "GCF": [
        *_pump_set("hpp", 1, "RO 고압펌프", "RO high pressure pump", "RO-HPP", "AB", "B"),
        main("cf", "AT", 1, "FS", "카트리지 필터", "cartridge filter", "C", "CF", "AB"),
        main("mb", "BB", 1, "VE", "혼상탈염기", "mixed bed demineralizer", "B", "MB", "AB"),
        main("dwt", "BB", 2, "TA", "순수탱크", "demin water tank", "B", "DWT"),
        *_pump_set("dwp", 2, "순수이송펌프", "demin water transfer pump", "DWP", "AB", "B"),
        main("dose", "AP", 3, "PU", "약품주입펌프", "chemical dosing pump", "C", "DOSE", "AB"),
        main("wt_ce", "CQ", 1, "IP", "순수 전도도계", "demin water conductivity meter", "C", "WT-CE"),
        main("wt_plc", "EC", 1, "CL", "수처리 PLC", "water treatment PLC", "B", "WT-PLC"),
    ],
    "EGB": [
        main("fot", "BB", 1, "TA", "연료유탱크", "fuel oil tank", "B", "FOT|FO tank", "AB", ko_alt="경유탱크"),
        main("fot_lt", "CL", 1, "IP", "연료유탱크 레벨전송기", "fuel oil tank level transmitter", "B", "FOT-LT", "AB"),
        main("fot_iv", "AA", 1, "VA", "연료유탱크 입구밸브", "fuel oil tank inlet valve", "C", "FOT-IV", "AB"),
        main("fot_ht", "AC", 1, "HE", "연료유탱크 가열기", "fuel oil tank heater", "C", "FOT-HTR", "AB"),
    ],
    "EGC": [
        *_pump_set("fop", 1, "연료유펌프", "fuel oil pump", "FOP|FO pump", "ABC", "B", "경유펌프"),
        main("fo_str", "AT", 1, "FS", "연료유 스트레이너", "fuel oil strainer", "C", "FO-STR", "AB"),
        main("fo_pcv", "AA", 1, "VA", "연료유 압력조절밸브", "fuel oil pressure control valve", "B", "FO-PCV"),
        main("fo_pt", "CP", 1, "IP", "연료유 헤더압력 PT", "fuel oil header pressure transmitter", "C", "FO-PT"),
        main("fo_ft", "CF", 1, "IP", "연료유 유량계", "fuel oil flow meter", "C", "FO-FT"),
    ],
    "EAC": [
        *[
            main(
                f"bc{n}",
                "AF",
                n,
                "CV",
                f"벨트컨베이어 BC-{n}",
                f"belt conveyor BC-{n}",
                "A" if n <= 4 else "B",
                f"BC-{n}",
            )
            for n in range(1, 9)
        ],
        *[
            main(f"bcm{n}", "GM", n, "EM", f"BC-{n} 구동모터", f"BC-{n} drive motor", "B", f"BC-{n}-M")
            for n in range(1, 9)
        ],
        *[main(f"bs{n}", "CW", n, "IP", f"BC-{n} 벨트스케일", f"BC-{n} belt scale", "C", f"BC-{n}-BS") for n in (3, 4)],
        main("sr", "AF", 11, "CV", "스태커리클레이머", "stacker-reclaimer", "A", "SR", "AB", ko_alt="리클레이머"),
        main("crusher", "AJ", 1, "CV", "쇄탄기", "coal crusher", "B", "CRUSHER", "AB", ko_alt="크러셔"),
        main("dsp", "AP", 1, "PU", "살수펌프", "dust suppression pump", "C", "DSP"),
        main("dc", "AT", 1, "FS", "집진기 백필터", "transfer tower bag filter", "C", "BAG-FLT", "AB"),
        main("chp_plc", "EC", 1, "CL", "운탄설비 PLC", "coal handling PLC", "B", "CHP-PLC"),
        main("hoist", "AE", 1, "CR", "운탄동 호이스트", "coal handling hoist", "C", "HOIST"),
    ],
    "BAT": [
        main("gsu", "GT", 1, "PT", "주변압기", "main transformer", "A", "GSU|MTR", ko_alt="승압변압기"),
        sub("gsu_fan", "gsu", "AN", 1, "BL", "냉각팬", "cooling fan group", "C", "냉각팬|cooling fan", "FAN"),
        sub(
            "gsu_op", "gsu", "AP", 1, "PU", "절연유 순환펌프", "oil circulating pump", "C", "유순환펌프|oil pump", "OP"
        ),
        sub("gsu_dga", "gsu", "CQ", 1, "IP", "온라인 DGA 감시장치", "online DGA monitor", "B", "DGA|DGA", "DGA"),
        sub(
            "gsu_wti", "gsu", "CT", 1, "IP", "권선온도계", "winding temperature indicator", "B", "권선온도계|WTI", "WTI"
        ),
        sub("gsu_lt", "gsu", "CL", 1, "IP", "유면계", "oil level gauge", "C", "유면계|oil level gauge", "OLG"),
    ],
    "BBT": [
        main("uat", "GT", 1, "PT", "소내변압기", "unit auxiliary transformer", "A", "UAT", "AB", ko_alt="소내변"),
        sub("uat_fan", "uat", "AN", 1, "BL", "냉각팬", "cooling fan group", "C", "냉각팬|cooling fan", "FAN"),
        sub(
            "uat_wti", "uat", "CT", 1, "IP", "권선온도계", "winding temperature indicator", "C", "권선온도계|WTI", "WTI"
        ),
        sub("uat_dga", "uat", "CQ", 1, "IP", "DGA 감시장치", "DGA monitor", "C", "DGA|DGA", "DGA"),
    ],
    "BBA": [
        main("mv_bus", "GS", 1, "SG", "6.9kV 고압배전반", "6.9kV switchgear", "A", "6.9kV SWGR|M/C", "AB"),
        main("mv_inc", "GS", 2, "SG", "6.9kV 수전차단기", "6.9kV incoming breaker", "A", "INC-CB", "AB"),
        main("mv_rly", "EC", 1, "CL", "보호계전기", "protection relay", "B", "RLY", "AB"),
        main("mv_cbl", "GW", 1, "PC", "6.9kV 전력케이블", "6.9kV power cable", "B", "MV-CBL", "AB"),
    ],
    "BFA": [
        main("lc", "GS", 1, "SG", "480V 로드센터", "480V load center", "B", "LC|L/C", "AB"),
        main("lc_tr", "GT", 1, "PT", "로드센터 변압기", "load center transformer", "B", "LC-TR", "AB"),
        main("mcc", "GS", 11, "SG", "MCC", "motor control center", "B", "MCC", "ABCD"),
        main("lv_cbl", "GW", 1, "PC", "저압 전력케이블", "LV power cable", "C", "LV-CBL"),
    ],
    "BTA": [
        main("bat", "GB", 1, "UP", "125V 축전지", "125V DC battery", "A", "BATT|125V DC", "AB", ko_alt="배터리"),
        main("chg", "GB", 2, "UP", "축전지 충전기", "battery charger", "A", "CHG", "AB", ko_alt="충전기"),
        main("dc_pnl", "GS", 1, "SG", "DC 분전반", "DC distribution panel", "B", "DC-PNL"),
    ],
    "BRA": [
        main("ups", "GU", 1, "UP", "UPS", "UPS", "A", "UPS", "AB", ko_alt="무정전전원장치"),
        main("ups_bat", "GB", 1, "UP", "UPS 축전지", "UPS battery", "B", "UPS-BATT", "AB"),
        main("ups_pnl", "GS", 1, "SG", "UPS 분전반", "UPS distribution panel", "B", "UPS-PNL"),
        main("ups_btr", "GT", 1, "PT", "UPS 바이패스 변압기", "UPS bypass transformer", "C", "UPS-BTR"),
    ],
}


def _unit_prefixes(unit: str) -> tuple[str, str]:
    return ("공용", "Common") if unit == "0" else (f"{unit}호기", f"Unit {unit}")


def _main_aliases(unit: str, system: str, item: Item, desig: str) -> list[str]:
    """The tag forms operators write: '2-BFP-B', '#2 BFP B', '2호기 급수펌프 B', '2U BFP-B', 'U2 BFP B'."""
    d = f" {desig}" if desig else ""
    dd = f"-{desig}" if desig else ""
    kos = (item.ko, *item.ko_alt)
    out: list[str] = []
    if unit == "0":
        for tag in item.tags:
            out += [f"{tag}{dd}", f"공용 {tag}{d}"]
            out += [f"{area} {tag}{dd}" for area in COMMON_AREA_WORDS.get(system, ())]
        out += [f"{ko}{d}" for ko in kos]
        out.append(f"공용 {item.ko}{d}")
        if desig in TRAIN_NUMBER and not item.ko[0].isdigit():
            out.append(f"{desig}{item.ko}")
        return out
    for i, tag in enumerate(item.tags):
        if i == 0:
            out += [
                f"{unit}-{tag}{dd}",
                f"#{unit} {tag}{d}",
                f"{unit}U {tag}{dd}",
                f"{unit}호기 {tag}{d}",
                f"U{unit} {tag}{d}",
            ]
        else:
            out += [f"#{unit} {tag}{d}", f"{unit}호기 {tag}{d}", f"U{unit} {tag}{d}"]
    out += [f"{unit}호기 {ko}{d}" for ko in kos]
    if desig in TRAIN_NUMBER:
        # The train letter in front, Korean style: "2호기 A미분기", "1호기 D급탄기".
        out += [f"{unit}호기 {desig}{ko}" for ko in kos if not ko[0].isdigit()]
    return out


def _sub_aliases(unit: str, parent_aliases: list[str], parent_item: Item, parent_desig: str, item: Item) -> list[str]:
    out: list[str] = []
    for pa in parent_aliases:
        hangul = any("\uac00" <= ch <= "\ud7a3" for ch in pa)
        out.append(f"{pa} {item.short_ko if hangul else item.short_en}")
    if parent_item.tags:
        dd = f"-{parent_desig}" if parent_desig else ""
        lead = "" if unit == "0" else f"{unit}-"
        out.append(f"{lead}{parent_item.tags[0]}{dd}-{item.dash}")
    return out


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        if v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return out


def units_of(system: str) -> tuple[str, ...]:
    return ("0",) if system in COMMON_SYSTEMS else ("1", "2")


def build_register() -> list[FunctionalLocation]:
    """Expand the templates for every unit and train; system-level entries come first per system."""
    catalog = load_catalog()
    missing = set(catalog.systems) - set(SYSTEM_ITEMS)
    if missing:
        raise ValueError(f"register templates missing for systems: {sorted(missing)}")
    out: list[FunctionalLocation] = []
    for system, items in SYSTEM_ITEMS.items():
        by_key = {i.key: i for i in items}
        sys_code = catalog.systems[system]
        for unit in units_of(system):
            uko, uen = _unit_prefixes(unit)
            sys_kks = f"{unit}{system}"
            head = items[0]
            sys_tags = [t for t in sys_code.synonyms_en if t.isupper() and len(t) <= 5][:2]
            sys_aliases = [f"{uko} {sys_code.name_ko}"]
            if unit != "0":
                sys_aliases += [f"#{unit} {t}" for t in sys_tags] + [f"U{unit} {t}" for t in sys_tags]
                sys_aliases += [f"{uko} {s}" for s in sys_code.synonyms_ko[:2]]
            sys_entry = FunctionalLocation(
                kks=sys_kks,
                unit=unit,
                system=system,
                train=None,
                name_ko=f"{uko} {sys_code.name_ko}",
                name_en=f"{uen} {sys_code.name_en}",
                equipment_class=head.cls,
                parent=None,
                criticality=head.crit,
                aliases=_dedupe(sys_aliases),
            )
            out.append(sys_entry)
            first_item = len(out)
            # (key, train) -> (kks, aliases, name_ko, name_en, designator)
            made: dict[tuple[str, str], tuple[str, list[str], str, str, str]] = {}
            for item in items:
                if item.parent is None:
                    trains = list(item.trains) or [""]
                    for train in trains:
                        desig = train or item.label
                        number = TRAIN_NUMBER[train] if train else "10"
                        kks = f"{unit}{system}{number}{item.code}{item.nr:03d}"
                        d = f" {desig}" if desig else ""
                        name_ko, name_en = f"{uko} {item.ko}{d}", f"{uen} {item.en}{d}"
                        aliases = _dedupe(_main_aliases(unit, system, item, desig))
                        made[(item.key, train)] = (kks, aliases, name_ko, name_en, desig)
                        out.append(
                            FunctionalLocation(
                                kks=kks,
                                unit=unit,
                                system=system,
                                train=train or None,
                                name_ko=name_ko,
                                name_en=name_en,
                                equipment_class=item.cls,
                                parent=sys_kks,
                                criticality=item.crit,
                                aliases=aliases,
                            )
                        )
                else:
                    parent = by_key[item.parent]
                    for train in list(item.trains or parent.trains) or [""]:
                        p_kks, p_aliases, p_ko, p_en, p_desig = made[(parent.key, train)]
                        number = TRAIN_NUMBER[train] if train else "10"
                        kks = f"{unit}{system}{number}{item.code}{item.nr:03d}"
                        aliases = _dedupe(_sub_aliases(unit, p_aliases, parent, p_desig, item))
                        out.append(
                            FunctionalLocation(
                                kks=kks,
                                unit=unit,
                                system=system,
                                train=train or None,
                                name_ko=f"{p_ko} {item.ko}",
                                name_en=f"{p_en} {item.en}",
                                equipment_class=item.cls,
                                parent=p_kks,
                                criticality=item.crit,
                                aliases=aliases,
                            )
                        )
            # A system-level alias must not steal a tag that names one piece of equipment.
            taken = {a.lower() for fl in out[first_item:] for a in fl.aliases}
            sys_entry.aliases = [a for a in sys_entry.aliases if a.lower() not in taken]
    seen: set[str] = set()
    for fl in out:
        if fl.kks in seen:
            raise ValueError(f"duplicate KKS code in register templates: {fl.kks}")
        seen.add(fl.kks)
    return out
