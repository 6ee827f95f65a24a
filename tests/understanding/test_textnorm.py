from __future__ import annotations

from pmark3.understanding.textnorm import canonical, edit_distance_le1, make_doc, strip_particle, to_jamo


def test_spacing_case_and_width_variants_compare_equal() -> None:
    assert canonical("급수 펌프") == canonical("급수펌프")
    assert canonical("ＢＦＰ-B") == canonical("bfp b")
    assert canonical("CCW B펌프") == "ccw b 펌프"
    assert canonical("2U") == "2 u"


def test_clause_breaks_are_kept_and_decimals_are_not_breaks() -> None:
    assert canonical("필터 차압 높음, 토출압 1.2bar") == "필터차압높음 | 토출압 1 2 bar"


def test_original_maps_back_to_the_users_words() -> None:
    doc = make_doc("2호기 급수 펌프 B 진동")
    start = doc.canon.find("급수펌프")
    assert doc.original(start, start + len("급수펌프")) == "급수 펌프"


def test_particles_and_jamo() -> None:
    assert strip_particle("펌프에서") == "펌프"
    assert strip_particle("펌프가") == "펌프"
    assert to_jamo("펌프") == "ㅍㅓㅁㅍㅡ"
    assert edit_distance_le1(to_jamo("급수펌르"), to_jamo("급수펌프"))
    assert not edit_distance_le1(to_jamo("복수펌프"), to_jamo("급수펌프"))
