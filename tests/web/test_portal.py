"""The portal page in a real browser (Debian's Chromium) against a real `pmark3 serve`.

Each scenario of issue 8 saves a full-page screenshot under test-output/screenshots/.
Assertions read the page's DOM; the feedback scenario also reads the API.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

# The first test also waits for the shared seeded plant (built once per test session) and the server.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

FIELDS = ("location", "equipment_type", "status_code", "priority")
RESULT_TIMEOUT_MS = 60_000

# Records, in order, when the progress steps, the fields and the evidence first appear.
TIMELINE_SCRIPT = """
window.__timeline = [];
window.__stepStates = {};
new MutationObserver(() => {
  const tl = window.__timeline;
  const mark = (name) => { if (!tl.includes(name)) tl.push(name); };
  document.querySelectorAll('#steps li[data-step]').forEach((li) => {
    const seen = (window.__stepStates[li.dataset.step] ||= []);
    if (seen[seen.length - 1] !== li.dataset.state) seen.push(li.dataset.state);
  });
  const progress = document.getElementById('progress');
  if (progress && !progress.hidden && document.querySelector('#steps li[data-step]')) mark('progress');
  const result = document.getElementById('result');
  if (result && !result.hidden && document.querySelector('#fields .field')) mark('fields');
  if (result && !result.hidden && document.querySelector('#recommendations li.rec')) mark('evidence');
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh context (fresh storage: a new session) on the portal, failing on any page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    context.set_default_timeout(15_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.add_init_script(TIMELINE_SCRIPT)
    pg.goto(live_server + "/")
    pg.wait_for_function("() => document.getElementById('lang-toggle').textContent.trim() === 'English'")
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def send(page: Any, text: str) -> None:
    box = page.locator("#request-text")
    box.fill(text)
    box.press("Enter")


def wait_result(page: Any, previous_id: str | None = None) -> str:
    """Wait until the result for a new request is shown; returns its request id."""
    page.wait_for_function(
        """(prev) => {
             const r = document.getElementById('result');
             const id = document.getElementById('result-id').textContent;
             return (r && !r.hidden && id && id !== prev) || !document.getElementById('error-box').hidden;
           }""",
        arg=previous_id or "",
        timeout=RESULT_TIMEOUT_MS,
    )
    assert page.locator("#error-box").is_hidden(), page.locator("#error-box").inner_text()
    page.wait_for_function("() => document.getElementById('send').disabled === false")
    return page.locator("#result-id").inner_text().strip()


def field_code(page: Any, field: str) -> str:
    return page.locator(f"#field-{field} .code-value").get_attribute("data-code") or ""


def shot(page: Any, directory: Path, name: str) -> Path:
    path = directory / f"{name}.png"
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)
    return path


def test_1_korean_request_shows_progress_then_fields_then_evidence(page: Any, screenshot_dir: Path) -> None:
    send(page, "2호기 급수펌프 B 진동 심함, 긴급")
    request_id = wait_result(page)
    page.wait_for_selector(f"#history-list li[data-id='{request_id}']")
    shot(page, screenshot_dir, "1-korean-request")
    assert re.fullmatch(r"[\w-]+", request_id)

    timeline: list[str] = page.evaluate("window.__timeline")
    assert timeline[:3] == ["progress", "fields", "evidence"], timeline

    # Progress: every step that ran is marked done; the list is announced politely.
    states = {li.get_attribute("data-step"): li.get_attribute("data-state") for li in page.locator("#steps li").all()}
    for step in ("validate_input", "parse_input", "normalize_terms", "generate_recommendations", "quality_check"):
        assert states[step] == "done", states
    # Each step was shown waiting first and done at the end (with "running" between when a poll saw it).
    seen: dict[str, list[str]] = page.evaluate("window.__stepStates")
    for step in ("validate_input", "parse_input", "normalize_terms", "quality_check"):
        assert seen[step][0] == "pending" and seen[step][-1] == "done", seen
    assert page.locator("#progress-status").get_attribute("aria-live") == "polite"
    assert "완료" in page.locator("#progress-status").inner_text()

    # The four fields: code, Korean and English names, the user's words, visible confidence.
    location = field_code(page, "location")
    assert location.startswith("2LAC"), location
    assert "2호기" in page.locator("#field-location .field-meta").inner_text()
    assert field_code(page, "equipment_type") == "PU"
    assert "펌프" in page.locator("#field-equipment_type .code-name").inner_text()
    assert "Pump" in page.locator("#field-equipment_type .code-name").inner_text()
    assert field_code(page, "status_code") == "VIB"
    assert field_code(page, "priority") == "1"
    assert "긴급" in page.locator("#field-priority .code-name").inner_text()
    assert "급수펌프" in page.locator("#field-location .original-text").inner_text()
    for field in FIELDS:
        pct = page.locator(f"#field-{field} .conf-pct").inner_text()
        assert re.match(r"\d{1,3}%", pct), pct
        assert int(page.locator(f"#field-{field} .conf-bar").get_attribute("aria-valuenow") or "0") > 0
        assert page.locator(f"#alt-{field}").is_visible()
        assert page.locator(f"label[for=alt-{field}]").count() == 1

    # Evidence: each item cites its source id and says why.
    recs = page.locator("#recommendations li.rec")
    assert recs.count() >= 1
    kinds = {r.get_attribute("data-kind") for r in recs.all()}
    assert "work_order" in kinds or "procedure" in kinds, kinds
    for rec in recs.all():
        assert (rec.get_attribute("data-id") or "").strip()
        assert rec.locator(".rec-id").inner_text().strip()
        assert rec.locator(".rec-reason").inner_text().strip()
    if "procedure" in kinds:
        proc = page.locator("#recommendations li.rec-procedure").first
        if proc.locator(".rec-steps").count():
            assert proc.locator(".rec-steps li").count() >= 1
    assert page.locator("#answer").inner_text().strip()

    # History: the request is listed with its status.
    assert page.locator(f"#history-list li[data-id='{request_id}'] .badge").inner_text().strip()


def test_2_follow_up_corrects_the_train_in_the_same_session(page: Any, screenshot_dir: Path) -> None:
    send(page, "2호기 급수펌프 B 진동 심함")
    first_id = wait_result(page)
    first_location = field_code(page, "location")
    session = page.locator("#session-id").inner_text().strip()
    # KKS trains of the feedwater pumps: 2LAC10AP… is pump A, 2LAC20AP… is pump B.
    assert session and re.match(r"2LAC20AP\d{3}$", first_location), (session, first_location)
    assert page.evaluate("sessionStorage.getItem('pmark3.session_id')") == session

    send(page, "아 B펌프 말고 A요")
    second_id = wait_result(page, first_id)
    page.wait_for_function("() => document.querySelectorAll('#history-list li').length >= 2")
    shot(page, screenshot_dir, "2-follow-up-train")
    second_location = field_code(page, "location")
    assert second_id != first_id
    assert page.locator("#session-id").inner_text().strip() == session, "the follow-up opened a new session"
    assert re.match(r"2LAC10AP\d{3}$", second_location), f"train not corrected: {first_location} -> {second_location}"
    changed = page.locator("#field-location .field-changed")
    assert changed.is_visible() and first_location in changed.inner_text()
    assert field_code(page, "equipment_type") == "PU"

    ids = [li.get_attribute("data-id") for li in page.locator("#history-list li").all()]
    assert ids[:2] == [second_id, first_id]  # newest first
    assert page.locator("#history-list li.is-current").get_attribute("data-id") == second_id

    # The tab keeps its conversation: a reload shows the same session and its last result.
    page.reload()
    page.wait_for_function(f"() => document.getElementById('result-id').textContent === '{second_id}'")
    assert page.locator("#session-id").inner_text().strip() == session
    page.wait_for_function("() => document.querySelectorAll('#history-list li').length >= 2")
    # An earlier request opens from the history panel.
    page.locator(f"#history-list li[data-id='{first_id}'] .history-open").click()
    page.wait_for_function(f"() => document.getElementById('result-id').textContent === '{first_id}'")
    assert field_code(page, "location") == first_location
    assert page.evaluate("document.activeElement.id") == "result-title"
    # A new conversation starts clean.
    page.locator("#new-session").click()
    assert page.locator("#result").is_hidden() and page.locator("#session-line").is_hidden()
    assert page.locator("#history-list li").count() == 0
    assert page.evaluate("sessionStorage.getItem('pmark3.session_id')") is None


def test_3_correction_is_saved_through_feedback_and_visible_in_the_api(
    page: Any, live_server: str, screenshot_dir: Path
) -> None:
    send(page, "1호기 복수펌프 A 메카니컬씰 누수")
    request_id = wait_result(page)
    predicted = field_code(page, "status_code")

    # A typed KKS code the plant does not have: the API's 422 is said in plain words, nothing is saved.
    location = field_code(page, "location")
    page.locator("#alt-location").select_option("__other__")
    page.locator("#kks-location").fill("9ZZZ10AP001")
    page.locator("#feedback-save").click()
    page.wait_for_selector("#feedback-status.message-error")
    refusal = page.locator("#feedback-status").inner_text()
    assert "입력을 확인해 주세요" in refusal and "9ZZZ10AP001" in refusal, refusal  # 422, with the value
    page.locator("#alt-location").select_option(location)

    select = page.locator("#alt-status_code")
    options = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v and v != predicted]
    assert options, "no alternative to choose"
    chosen = "VIB" if "VIB" in options else options[0]
    select.select_option(chosen)
    page.locator("#feedback-save").click()
    page.wait_for_selector("#feedback-status[data-saved='true']")
    status_text = page.locator("#feedback-status").inner_text()
    assert "저장되었습니다" in status_text and chosen in status_text
    assert chosen in page.locator("#field-status_code .field-feedback").inner_text()

    stored = httpx.get(f"{live_server}/api/requests/{request_id}/feedback", timeout=10).json()["feedback"]
    by_field = {item["field"]: item for item in stored}
    assert by_field["status_code"]["accepted"] is False
    assert by_field["status_code"]["corrected"] == chosen
    assert by_field["status_code"]["predicted"] == (predicted or None)
    if field_code(page, "equipment_type"):
        assert by_field["equipment_type"]["accepted"] is True
    assert by_field["location"]["accepted"] is True and by_field["location"]["corrected"] is None
    shot(page, screenshot_dir, "3-feedback-saved")


def test_4_empty_and_over_long_requests_show_clear_messages(page: Any, screenshot_dir: Path) -> None:
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    message = page.locator("#form-message")

    page.locator("#send").click()
    assert message.is_visible()
    assert "요청 내용을 입력하세요" in message.inner_text()
    assert page.locator("#request-text").get_attribute("aria-invalid") == "true"
    shot(page, screenshot_dir, "4a-empty-request")

    page.locator("#request-text").fill("급수펌프 진동 " * 150)  # 1,199 characters once trimmed
    assert "초과" in page.locator("#char-count").inner_text()
    page.locator("#request-text").press("Control+Enter")
    assert "너무 깁니다" in message.inner_text() and "1000" in message.inner_text()
    shot(page, screenshot_dir, "4b-over-long-request")
    assert posts == [], "an invalid request was sent"

    # The server's own problem+json (too short), in plain words next to the input.
    send(page, "펌프")
    page.wait_for_function("() => /짧|short/.test(document.getElementById('form-message').textContent)")
    assert "3" in message.inner_text()  # "요청이 너무 짧습니다: 최소 3자가 필요합니다 (현재 2자)."

    # A lost connection is said, not swallowed.
    page.route("**/api/requests", lambda route: route.abort())
    send(page, "2호기 급수펌프 B 진동 심함")
    page.wait_for_selector("#error-box:not([hidden])")
    assert "서버에 연결할 수 없습니다" in page.locator("#error-title").inner_text()
    assert page.locator("#send").is_enabled()
    shot(page, screenshot_dir, "4c-network-error")


def test_5_request_without_a_unit_asks_for_the_unit(page: Any, screenshot_dir: Path) -> None:
    send(page, "급수펌프 B 진동 심함")
    wait_result(page)
    shot(page, screenshot_dir, "5-no-unit-question")
    assert page.locator("#field-location .field-meta").get_attribute("data-unit") == ""
    assert page.locator("#field-location .field-meta-missing").is_visible()
    assert not field_code(page, "location")  # never guessed
    questions = [q.strip() for q in page.locator("#questions li").all_inner_texts()]
    assert questions, "no questions shown"
    assert any("호기" in q for q in questions), questions
    assert page.locator("#questions-block").is_visible()
    first_id = page.locator("#result-id").inner_text().strip()

    # Answering the question in the same session (a one-click choice where the question offers it).
    choice = page.locator("#questions .quick-reply[data-reply='2호기']")
    if choice.count():
        choice.click()
    else:
        send(page, "2호기")
    wait_result(page, first_id)
    assert page.locator("#field-location .field-meta").get_attribute("data-unit") == "2"
    assert field_code(page, "location").startswith("2LAC")
    shot(page, screenshot_dir, "5b-unit-answered")


def test_keyboard_and_ime_do_not_send_unfinished_text(page: Any) -> None:
    posts: list[dict[str, Any]] = []
    page.on("request", lambda r: posts.append(r.post_data_json) if r.method == "POST" else None)
    box = page.locator("#request-text")
    box.fill("2호기 급수펌프")
    box.press("Shift+Enter")
    assert box.input_value() == "2호기 급수펌프\n"

    # A Korean IME composing the last syllable (ㅇ → 요): Enter commits it and must not send.
    box.fill("2호기 급수펌프 B 진동 심해")
    box.press("End")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "ㅇ", "selectionStart": 1, "selectionEnd": 1})
    cdp.send("Input.imeSetComposition", {"text": "요", "selectionStart": 1, "selectionEnd": 1})
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert posts == [], "Enter during composition sent the request"
    assert page.locator("#progress").is_hidden()

    # Once the syllable is committed, Enter sends the whole text.
    cdp.send("Input.insertText", {"text": "요"})
    page.wait_for_timeout(100)  # an Enter in the same task as compositionend is still the IME's
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('progress').hidden === false")
    assert posts and posts[0]["text"].strip() == "2호기 급수펌프 B 진동 심해요", posts
    wait_result(page)


def test_phone_width_375(browser: Any, live_server: str, screenshot_dir: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="ko-KR", is_mobile=True)
    pg = context.new_page()
    try:
        pg.goto(live_server + "/")
        send(pg, "2호기 급수펌프 B 진동 심함, 긴급")
        wait_result(pg)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 375px"
        for sel in ("#request-text", "#send", "#field-location", "#feedback-save", "#alt-priority"):
            box = pg.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, (sel, box)
        shot(pg, screenshot_dir, "6-phone-375")
    finally:
        context.close()


def test_english_switch(page: Any, screenshot_dir: Path) -> None:
    page.locator("#lang-toggle").click()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#send").inner_text() == "Send"
    assert page.locator("label[for=request-text]").inner_text().startswith("What is wrong")
    send(page, "Unit 2 feedwater pump B high vibration, urgent")
    wait_result(page)
    shot(page, screenshot_dir, "8-english")
    assert page.locator("#field-equipment_type .field-title").inner_text().startswith("Equipment type")
    assert page.locator("#field-equipment_type .code-name").inner_text().startswith("Pumps")  # English first
    assert page.locator("#progress-status").inner_text().startswith("Done")
    assert field_code(page, "location").startswith("2LAC")
    page.locator("#lang-toggle").click()
    assert page.locator("#send").inner_text() == "보내기"
    assert page.locator("#field-equipment_type .code-name").inner_text().startswith("펌프")
    page.reload()  # the choice is remembered
    page.wait_for_function("() => document.getElementById('lang-toggle').textContent.trim() === 'English'")


def test_needs_review_duplicates_and_procedure_steps_are_marked(page: Any, screenshot_dir: Path) -> None:
    """A real run whose status answer is amended in the browser, so these marks are checked on every run.

    The demo plant's open notifications age out of the 30-day duplicate window, and procedure
    recommendations carry their steps only when the recommender includes them.
    """
    duplicate = {
        "kind": "duplicate",
        "id": "WO-2026-99999",
        "title": "2호기 급수펌프 B 진동 증가",
        "score": 1.0,
        "reason": "WO-2026-99999: open notification for the same location and failure mode",
        "details": {"kks": "2LAC20AP001", "failure_mode": "VIB", "reported_at": "2026-11-20"},
    }
    steps_text = ["작업허가서 발행", "진동 스펙트럼 측정", "시운전 후 진동 확인"]
    procedure = {
        "kind": "procedure",
        "id": "PRC-TEST-1",
        "title": "급수펌프 진동 점검 절차",
        "score": 0.9,
        "reason": "PRC-TEST-1: inspection procedure for Pumps, covers Vibration",
        "details": {"steps": steps_text},
    }

    def amend(route: Any) -> None:
        response = route.fetch()
        body = response.json()
        if route.request.method == "GET" and body.get("runtimeStatus") == "Completed":
            out = body["output"]
            out["status"] = "needs_review"
            out["recommendations"] = [duplicate, procedure, *out["recommendations"]]
            out["warnings"] = [*out["warnings"], "possible duplicate of WO-2026-99999"]
        route.fulfill(response=response, json=body)

    page.route(re.compile(r".*/api/requests/[0-9a-f]+$"), amend)
    send(page, "2호기 급수펌프 B 진동 심함")
    wait_result(page)
    shot(page, screenshot_dir, "7-review-duplicate-steps")

    assert page.locator("#result-status").get_attribute("data-status") == "needs_review"
    assert "검토 필요" in page.locator("#needs-review-banner").inner_text()
    assert "WO-2026-99999" in page.locator("#duplicate-banner").inner_text()
    assert "possible duplicate" in page.locator("#warnings").inner_text()
    groups = page.locator("#recommendations .rec-group").evaluate_all("gs => gs.map(g => g.className)")
    assert "rec-group-duplicate" in groups[0], groups
    steps = page.locator("#recommendations li[data-id='PRC-TEST-1'] .rec-steps li")
    assert steps.all_inner_texts() == steps_text
    assert steps.first.is_visible()


def test_a_run_that_never_finishes_is_reported_not_left_spinning(page: Any, live_server: str) -> None:
    """The page gives up polling after its run timeout (shortened here) and says so, with the id."""
    config = "window.PMARK3_CONFIG = {apiBase: '', pollIntervalMs: 200, requestTimeoutMs: 5000, runTimeoutMs: 2000};"
    page.route("**/static/config.js", lambda route: route.fulfill(body=config, content_type="text/javascript"))
    page.route(
        re.compile(r".*/api/requests/[0-9a-f]+$"),
        lambda route: route.fulfill(
            json={
                "runtimeStatus": "Running",
                "customStatus": {"step": "vector_search", "completed": ["validate_input"]},
            }
        ),
    )
    page.goto(live_server + "/")
    send(page, "2호기 급수펌프 B 진동 심함")
    page.wait_for_selector("#steps li[data-step='vector_search'][data-state='running']")
    page.wait_for_selector("#error-box:not([hidden])", timeout=10_000)
    assert "너무 오래" in page.locator("#error-title").inner_text()
    assert re.search(r"[0-9a-f]{8}", page.locator("#error-detail").inner_text())
    assert page.locator("#steps li[data-step='vector_search']").get_attribute("data-state") == "failed"
    assert page.locator("#send").is_enabled()


def test_without_the_catalog_codes_still_show_and_the_page_says_why(browser: Any, live_server: str) -> None:
    context = browser.new_context(locale="ko-KR")
    pg = context.new_page()
    try:
        pg.route(
            "**/api/catalog",
            lambda route: route.fulfill(
                status=503,
                content_type="application/problem+json",
                body='{"title": "Service unavailable", "status": 503, "detail": "catalog offline"}',
            ),
        )
        pg.goto(live_server + "/")
        send(pg, "2호기 급수펌프 B 진동 심함, 긴급")
        wait_result(pg)
        assert field_code(pg, "equipment_type") == "PU"
        assert "catalog offline" in pg.locator("#catalog-error").inner_text()
    finally:
        context.close()


def test_page_is_self_contained_and_runs_under_a_strict_csp(page: Any, live_server: str) -> None:
    """Nothing is fetched from elsewhere (it works offline), and the page needs no inline code or styles."""
    csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'"

    def with_csp(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": csp})

    urls: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.route(live_server + "/", with_csp)
    page.goto(live_server + "/")
    page.evaluate(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    send(page, "2호기 급수펌프 B 진동 심함, 긴급")
    wait_result(page)
    assert page.locator("#field-location .conf-fill").evaluate("e => e.style.width").endswith("%")
    assert not violations, violations
    foreign = [u for u in urls if not (u.startswith(live_server) or u.startswith("data:"))]
    assert not foreign, foreign
