// PMark3 portal: submit a request, follow its steps, show the coded draft with its evidence,
// confirm or correct it. Plain JavaScript, no build step, nothing fetched from the internet.
(function () {
  "use strict";

  var CFG = Object.assign(
    { apiBase: "", apiQuery: {}, pollIntervalMs: 400, requestTimeoutMs: 20000, runTimeoutMs: 180000, maxTextLength: 1000 },
    window.PMARK3_CONFIG || {}
  );
  var I18N = window.PMARK3_I18N;
  var FIELDS = ["location", "equipment_type", "status_code", "priority"];
  // The workflow's nodes (pmark3/workflow/spec.py), in the order they normally run.
  var STEPS = ["validate_input", "parse_input", "normalize_terms", "vector_search",
    "generate_recommendations", "generate_response", "quality_check"];
  var CATALOG_KEY = { equipment_type: "equipment_types", status_code: "status_codes", priority: "priorities" };
  var SS = { session: "pmark3.session_id", last: "pmark3.last_request_id" };
  var POLL_RETRIES = 4;

  var state = {
    lang: "ko",
    catalog: null,
    busy: false,
    composing: false,
    compositionJustEnded: false,
    current: null,        // {id, text, result}
    previous: null,       // the result shown before the current one (same session), for "changed" marks
    lastRetry: null,
  };

  function $(id) { return document.getElementById(id); }

  // ---- language -----------------------------------------------------------------------------

  function t(key, vars) {
    var table = I18N[state.lang] || I18N.ko;
    var s = table[key];
    if (s === undefined) s = I18N.ko[key];
    if (s === undefined) return key;
    return s.replace(/\{(\w+)\}/g, function (_m, name) {
      return vars && vars[name] !== undefined && vars[name] !== null ? String(vars[name]) : "";
    });
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.title = t("pageTitle");
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (el) {
      el.setAttribute("placeholder", t(el.getAttribute("data-i18n-placeholder")));
    });
    var toggle = $("lang-toggle");
    toggle.textContent = t("langSwitch");
    toggle.setAttribute("lang", state.lang === "ko" ? "en" : "ko");
    toggle.setAttribute("aria-label", t("langSwitchLabel"));
    updateCount();
    if (state.stepsView) renderSteps(state.stepsView);
    if (state.current && state.current.result) renderResult(state.current.result, { keepFeedback: true });
    renderHistory(state.historyRows);
  }

  // ---- API ----------------------------------------------------------------------------------

  function apiUrl(path) {
    var base = (CFG.apiBase || "").replace(/\/+$/, "");
    var url = base + path;
    var q = CFG.apiQuery || {};
    var keys = Object.keys(q);
    if (keys.length) {
      url += (url.indexOf("?") >= 0 ? "&" : "?") + keys.map(function (k) {
        return encodeURIComponent(k) + "=" + encodeURIComponent(q[k]);
      }).join("&");
    }
    return url;
  }

  function ApiError(kind, status, title, detail, body) {
    this.kind = kind; this.status = status; this.title = title; this.detail = detail; this.body = body;
  }

  // fetch with a timeout; resolves {status, body, headers}; rejects ApiError for network,
  // timeout, problem+json and other non-2xx answers.
  function request(method, url, payload) {
    var ctrl = typeof AbortController !== "undefined" ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, CFG.requestTimeoutMs);
    var init = { method: method, headers: { Accept: "application/json, application/problem+json" }, credentials: "same-origin" };
    if (ctrl) init.signal = ctrl.signal;
    if (payload !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(payload);
    }
    return fetch(url, init).then(function (resp) {
      return resp.text().then(function (text) {
        clearTimeout(timer);
        var body = null;
        if (text) {
          try { body = JSON.parse(text); } catch (_e) { body = null; }
        }
        if (resp.ok && body !== null) return { status: resp.status, body: body, headers: resp.headers };
        if (resp.ok) throw new ApiError("bad", resp.status, t("errBadResponse"), t("errBadResponseDetail", { status: resp.status }), text);
        throw problemError(resp.status, body, text);
      });
    }, function (err) {
      clearTimeout(timer);
      if (err && err.name === "AbortError") {
        throw new ApiError("timeout", 0, t("errTimeout"), t("errTimeoutDetail", { seconds: Math.round(CFG.requestTimeoutMs / 1000) }));
      }
      throw new ApiError("network", 0, t("errNetwork"), t("errNetworkDetail"));
    });
  }

  function problemError(status, body, text) {
    var title = I18N[state.lang]["http_" + status] ? t("http_" + status) : t("http_other", { status: status });
    var serverDetail = body && typeof body === "object" ? (body.detail || body.title || "") : (text || "").slice(0, 300);
    var plain = plainDetail(String(serverDetail || ""));
    return new ApiError("problem", status, title, plain || serverDetail, body);
  }

  // Known API messages, rewritten in plain words in the page's language.
  function plainDetail(detail) {
    var m;
    if ((m = /too short: at least (\d+) characters are needed, got (\d+)/.exec(detail))) return t("pTooShort", { min: m[1], got: m[2] });
    if ((m = /too long: at most (\d+) characters are allowed, got (\d+)/.exec(detail))) return t("pTooLong", { max: m[1], got: m[2] });
    if (/control characters/.test(detail)) return t("pControl");
    if ((m = /'([^']*)' is not a KKS location/.exec(detail))) return t("pNotKks", { value: m[1] });
    if ((m = /'([^']*)' is not a valid \w+ code/.exec(detail))) return t("pInvalidCode", { value: m[1] });
    if (/has no result yet/.test(detail)) return t("pNoResult");
    if (/request .* not found/.test(detail)) return t("pNotFound");
    if (/session .*expired/i.test(detail)) return t("pSessionExpired");
    return "";
  }

  // ---- messages -----------------------------------------------------------------------------

  function showFormMessage(text, kind) {
    var el = $("form-message");
    el.textContent = text;
    el.className = "message " + (kind === "error" ? "message-error" : "message-info");
    el.hidden = !text;
  }

  function showError(err, retry) {
    var box = $("error-box");
    $("error-title").textContent = err.title || t("errRunFailed");
    $("error-detail").textContent = err.detail || "";
    var raw = err.body && typeof err.body === "object" ? err.body.detail : "";
    var extra = raw && raw !== err.detail ? t("serverSaid", { detail: raw }) : "";
    if (err.status) extra = (extra ? extra + " " : "") + "(HTTP " + err.status + ")";
    $("error-extra").textContent = extra;
    state.lastRetry = retry || null;
    $("error-retry").hidden = !retry;
    box.hidden = false;
  }

  function clearError() {
    $("error-box").hidden = true;
    state.lastRetry = null;
  }

  // ---- input --------------------------------------------------------------------------------

  // Counted as the server counts: NFC code points of the trimmed text.
  function textLength(s) { return Array.from((s.normalize ? s.normalize("NFC") : s).trim()).length; }

  function updateCount() {
    var n = textLength($("request-text").value);
    var el = $("char-count");
    var max = CFG.maxTextLength;
    el.textContent = n > max ? t("countOver", { count: n, max: max, over: n - max }) : n + " / " + max;
    el.classList.toggle("count-over", n > max);
  }

  function onKeyDown(e) {
    if (e.key !== "Enter") return;
    // Never send an unfinished Hangul syllable: while the IME composes, Enter commits it.
    if (e.isComposing || e.keyCode === 229 || state.composing || state.compositionJustEnded) return;
    if (e.shiftKey) return; // newline
    if (e.altKey || e.metaKey) return;
    e.preventDefault();
    submitFromForm();
  }

  function submitFromForm() {
    var text = $("request-text").value;
    if (state.busy) { showFormMessage(t("busy"), "info"); return; }
    if (!text.trim()) {
      showFormMessage(t("emptyText"), "error");
      $("request-text").setAttribute("aria-invalid", "true");
      $("request-text").focus();
      return;
    }
    var n = textLength(text);
    if (n > CFG.maxTextLength) {
      showFormMessage(t("tooLongText", { count: n, max: CFG.maxTextLength }), "error");
      $("request-text").setAttribute("aria-invalid", "true");
      $("request-text").focus();
      return;
    }
    $("request-text").removeAttribute("aria-invalid");
    showFormMessage("", "info");
    send(text, true);
  }

  function setBusy(busy) {
    state.busy = busy;
    var btn = $("send");
    btn.disabled = busy;
    btn.textContent = busy ? t("sending") : t("send");
    document.body.setAttribute("aria-busy", busy ? "true" : "false");
  }

  // ---- session ------------------------------------------------------------------------------

  function sessionId() { try { return sessionStorage.getItem(SS.session); } catch (_e) { return null; } }
  function setSession(id) {
    try {
      if (id) sessionStorage.setItem(SS.session, id); else sessionStorage.removeItem(SS.session);
    } catch (_e) { /* storage unavailable: the session lives as long as the page */ }
    state.sessionFallback = id;
    renderSession();
  }
  function currentSession() { return sessionId() || state.sessionFallback || null; }
  function renderSession() {
    var id = currentSession();
    $("session-line").hidden = !id;
    $("session-id").textContent = id || "";
  }
  function setLast(id) { try { if (id) sessionStorage.setItem(SS.last, id); else sessionStorage.removeItem(SS.last); } catch (_e) { /* ignore */ } }
  function lastId() { try { return sessionStorage.getItem(SS.last); } catch (_e) { return null; } }

  // ---- submit and poll ----------------------------------------------------------------------

  function send(text, fromForm) {
    clearError();
    setBusy(true);
    var body = { text: text };
    var sid = currentSession();
    if (sid) body.session_id = sid;
    var user = $("user-name").value.trim();
    if (user) body.user = user;
    try { localStorage.setItem("pmark3.user", user); } catch (_e) { /* ignore */ }
    startProgress();
    setProgressStatus(t("progressSending"));
    var run = { id: null, text: text, started: Date.now() };
    request("POST", apiUrl("/api/requests"), body).then(function (res) {
      if (res.status === 200 && res.body && res.body.request_id) {
        // ?wait answered with the result itself.
        run.id = res.body.request_id;
        return { runtimeStatus: "Completed", customStatus: { step: null, completed: [] }, output: res.body };
      }
      var b = res.body || {};
      run.id = b.id || b.instanceId;
      if (!run.id) throw new ApiError("bad", res.status, t("errBadResponse"), t("errBadResponseDetail", { status: res.status }));
      setLast(run.id);
      if (fromForm && $("request-text").value === text) {
        $("request-text").value = "";
        updateCount();
      }
      var url = statusUrl(b.requestStatusGetUri || b.statusQueryGetUri, run.id);
      setProgressStatus(t("progressQueued"));
      return poll(run, url);
    }).then(function (status) {
      finishRun(run, status);
    }).catch(function (err) {
      if (!(err instanceof ApiError)) err = new ApiError("bad", 0, t("errBadResponse"), String(err && err.message || err));
      if (run.id) {
        markStepsFailed();
        setProgressStatus(t("progressFailed"));
      } else {
        $("progress").hidden = true; // it never reached the server: no step ran
        state.stepsView = null;
      }
      var retry = run.id ? null : function () { send(text, true); };
      if (err.kind === "problem" && err.status === 422 && !run.id) {
        // Input problems belong next to the input.
        showFormMessage(err.detail || err.title, "error");
        $("request-text").setAttribute("aria-invalid", "true");
      } else {
        showError(err, retry);
      }
    }).then(function () {
      setBusy(false);
      if (run.id) refreshHistory();
    });
  }

  // The status URL of the 202 answer. This app's own route is rebased onto apiBase, because the
  // server spells its own host, which a proxy in front (Static Web Apps, Front Door) hides;
  // another URL (Durable's webhook, with its own key) is used as it is.
  function statusUrl(uri, id) {
    var fallback = apiUrl("/api/requests/" + encodeURIComponent(id));
    if (!uri) return fallback;
    try {
      var u = new URL(uri, window.location.href);
      var i = u.pathname.indexOf("/api/requests/");
      if (i >= 0 && /^\/api\/requests\/[^/]+$/.test(u.pathname.slice(i))) return fallback;
      return u.href;
    } catch (_e) {
      return fallback;
    }
  }

  function poll(run, url) {
    var failures = 0;
    var interval = CFG.pollIntervalMs;
    return new Promise(function (resolve, reject) {
      function tick() {
        var elapsed = Date.now() - run.started;
        if (elapsed > CFG.runTimeoutMs) {
          reject(new ApiError("run-timeout", 0, t("errRunTimeout"),
            t("errRunTimeoutDetail", { id: run.id, seconds: Math.round(CFG.runTimeoutMs / 1000) })));
          return;
        }
        request("GET", url).then(function (res) {
          failures = 0;
          var s = res.body || {};
          updateProgress(s, elapsed);
          if (s.runtimeStatus === "Completed" || s.runtimeStatus === "Failed" ||
              s.runtimeStatus === "Terminated" || s.runtimeStatus === "Canceled") {
            resolve(s);
            return;
          }
          interval = Math.min(1000, interval + 100);
          setTimeout(tick, interval);
        }, function (err) {
          // A 404 or another problem is final; lost connections and timeouts are retried.
          if (err.kind === "problem" && err.status < 500) { reject(err); return; }
          failures += 1;
          if (failures > POLL_RETRIES) { reject(err); return; }
          setProgressStatus(t("progressRetrying", { n: failures, max: POLL_RETRIES }));
          setTimeout(tick, interval * (failures + 1));
        });
      }
      tick();
    });
  }

  function finishRun(run, status) {
    updateProgress(status, Date.now() - run.started, true);
    var out = status.output;
    if (status.runtimeStatus !== "Completed" || !out || typeof out !== "object") {
      var detail = typeof out === "string" ? out : "";
      throw new ApiError("failed", 0, t("errRunFailed"), detail || t("progressFailed"));
    }
    if (out.session_id) setSession(out.session_id);
    if (out.errors && out.errors.length && state.stepsView) {
      state.stepsView.failedAt = out.errors[0].step;
      renderSteps(state.stepsView);
    }
    show({ id: run.id, text: run.text, result: out }, true);
  }

  // ---- progress -----------------------------------------------------------------------------

  function startProgress() {
    $("progress").hidden = false;
    state.stepsView = { completed: [], step: null, runtime: "Pending", final: false };
    renderSteps(state.stepsView);
  }

  function setProgressStatus(text) { $("progress-status").textContent = text; }

  function updateProgress(s, elapsedMs, final) {
    var cs = s.customStatus || {};
    var view = {
      completed: Array.isArray(cs.completed) ? cs.completed : [],
      step: cs.step || null,
      runtime: s.runtimeStatus || "Pending",
      final: !!final || s.runtimeStatus === "Completed" || s.runtimeStatus === "Failed",
    };
    state.stepsView = view;
    renderSteps(view);
    if (view.runtime === "Completed") setProgressStatus(t("progressDone"));
    else if (view.runtime === "Failed") setProgressStatus(t("progressFailed"));
    else if (view.runtime === "Pending") setProgressStatus(t("progressQueued"));
    else if (elapsedMs > 20000) setProgressStatus(t("progressSlow", { seconds: Math.round(elapsedMs / 1000) }));
    else setProgressStatus(t("progressRunning", { step: view.step ? t("step_" + view.step) : "…" }));
  }

  function stepState(name, view) {
    if (view.failedAt === name) return "failed";
    if (view.runtime === "Failed" && view.step === name) return "failed";
    if (view.completed.indexOf(name) >= 0 && !(view.step === name && !view.final)) return "done";
    if (view.step === name && !view.final) return "running";
    if (view.final) return view.completed.indexOf(name) >= 0 ? "done" : "skipped";
    return "pending";
  }

  function renderSteps(view) {
    var names = STEPS.slice();
    if (view.completed.indexOf("handle_error") >= 0 || view.step === "handle_error") names.push("handle_error");
    var ol = $("steps");
    ol.textContent = "";
    names.forEach(function (name) {
      var st = stepState(name, view);
      var li = document.createElement("li");
      li.className = "step step-" + st;
      li.setAttribute("data-step", name);
      li.setAttribute("data-state", st);
      if (st === "running") li.setAttribute("aria-current", "step");
      var icon = document.createElement("span");
      icon.className = "step-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = { done: "✓", running: "", pending: "○", skipped: "–", failed: "✕" }[st];
      var label = document.createElement("span");
      label.className = "step-label";
      label.textContent = t("step_" + name);
      var stText = document.createElement("span");
      stText.className = "step-state";
      stText.textContent = t({ done: "stepDone", running: "stepRunning", pending: "stepPending", skipped: "stepSkipped", failed: "stepFailed" }[st]);
      li.appendChild(icon); li.appendChild(label); li.appendChild(stText);
      ol.appendChild(li);
    });
  }

  function markStepsFailed() {
    if (!state.stepsView) return;
    var v = state.stepsView;
    if (!v.final) { v.failedAt = v.step || STEPS[v.completed.length] || STEPS[0]; v.final = true; }
    renderSteps(v);
  }

  // ---- result -------------------------------------------------------------------------------

  function show(entry, fresh) {
    if (fresh) {
      state.previous = state.current && state.current.result && state.current.result.session_id === entry.result.session_id
        ? state.current.result : null;
    }
    state.current = entry;
    state.feedbackMarks = {};
    setLast(entry.id);
    var r = entry.result;
    if (r.status === "rejected") {
      var msg = (r.errors && r.errors[0] && r.errors[0].message) || "";
      showError(new ApiError("rejected", 0, t("errRejected"), plainDetail(msg) || msg));
      $("result").hidden = true;
      renderHistory(state.historyRows);
      return;
    }
    clearError();
    renderResult(r, {});
    $("result").hidden = false;
    renderHistory(state.historyRows);
    // Bring a new result into view when it starts below the screen; focus stays in the input.
    var top = $("result").getBoundingClientRect().top;
    if (fresh && top > window.innerHeight * 0.8 && $("result").scrollIntoView) {
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      $("result").scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
    }
  }

  function catalogName(field, code) {
    var cat = state.catalog;
    if (!cat || code === null || code === undefined) return null;
    if (field === "location") {
      var sys = String(code).length >= 4 ? String(code).slice(1, 4) : String(code);
      return (cat.systems || {})[sys] || null;
    }
    return (cat[CATALOG_KEY[field]] || {})[String(code)] || null;
  }

  function nameText(names) {
    if (!names) return "";
    var first = state.lang === "en" ? names.en : names.ko;
    var second = state.lang === "en" ? names.ko : names.en;
    return first + (second && second !== first ? " / " + second : "");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function pct(c) { return Math.round(Math.max(0, Math.min(1, Number(c) || 0)) * 100); }

  function confLevel(c) { return c >= 0.8 ? "high" : c >= 0.5 ? "mid" : "low"; }

  function renderResult(r, opts) {
    $("result-text").textContent = state.current.text || "";
    $("result-id").textContent = r.request_id || state.current.id;
    var badge = $("result-status");
    badge.textContent = t("status_" + r.status);
    badge.className = "badge badge-" + r.status;
    badge.setAttribute("data-status", r.status);

    // banners: needs review, duplicates, warnings
    var banners = $("banners");
    banners.textContent = "";
    var dups = (r.recommendations || []).filter(function (x) { return x.kind === "duplicate"; });
    if (r.status === "needs_review") {
      var nb = el("div", "banner banner-review", null);
      nb.id = "needs-review-banner";
      nb.setAttribute("role", "note");
      nb.appendChild(el("strong", null, "⚠ " + t("status_needs_review")));
      nb.appendChild(el("span", null, " " + t("needsReviewBanner").replace(/^[^:：]*[:：]\s*/, "")));
      banners.appendChild(nb);
    }
    if (dups.length) {
      var db = el("div", "banner banner-duplicate", null);
      db.id = "duplicate-banner";
      db.setAttribute("role", "note");
      db.appendChild(el("strong", null, t("kind_duplicate")));
      db.appendChild(el("span", null, " " + t("duplicateBanner", { ids: dups.map(function (d) { return d.id; }).join(", ") }).replace(/^[^:：]*[:：]\s*/, "")));
      banners.appendChild(db);
    }
    if (r.errors && r.errors.length) {
      var eb = el("div", "banner banner-error", null);
      eb.id = "result-errors";
      eb.setAttribute("role", "note");
      eb.appendChild(el("strong", null, t("resultErrorsTitle")));
      var eul = el("ul");
      r.errors.forEach(function (e) {
        eul.appendChild(el("li", null, t("resultErrorItem", { step: t("step_" + e.step), message: e.message })));
      });
      eb.appendChild(eul);
      banners.appendChild(eb);
    }
    if (state.catalogError) {
      var cb = el("div", "banner banner-warning", t("catalogError", { detail: state.catalogError }));
      cb.id = "catalog-error";
      banners.appendChild(cb);
    }
    if (r.warnings && r.warnings.length) {
      var wb = el("div", "banner banner-warning", null);
      wb.id = "warnings";
      wb.appendChild(el("strong", null, t("warningsTitle")));
      var ul = el("ul");
      r.warnings.forEach(function (w) { ul.appendChild(el("li", null, w)); });
      wb.appendChild(ul);
      banners.appendChild(wb);
    }

    // the four fields
    var box = $("fields");
    var keepSelections = opts.keepFeedback ? readSelections() : null;
    box.textContent = "";
    FIELDS.forEach(function (f) { box.appendChild(renderField(f, r[f] || {}, keepSelections && keepSelections[f])); });
    if (!opts.keepFeedback) {
      $("feedback-status").hidden = true;
      $("feedback-status").textContent = "";
    }

    // answer and questions
    $("answer").textContent = r.response || "";
    var qs = $("questions");
    qs.textContent = "";
    (r.questions || []).forEach(function (q) {
      var li = el("li", "question", null);
      var b = el("button", "question-btn", q);
      b.type = "button";
      b.addEventListener("click", function () { $("request-text").focus(); });
      li.appendChild(b);
      // "몇 호기 설비인가요? (1호기 / 2호기 / 공용)": each choice is a one-click answer in the session.
      var m = /\(([^()]*\/[^()]*)\)\s*[?？]?\s*$/.exec(q);
      if (m) {
        var choices = m[1].split("/").map(function (x) { return x.trim(); }).filter(Boolean);
        if (choices.length >= 2 && choices.length <= 6) {
          var row = el("div", "quick-replies", null);
          row.setAttribute("role", "group");
          row.setAttribute("aria-label", t("quickReplies") + ": " + q);
          choices.forEach(function (c) {
            var qb = el("button", "btn btn-small quick-reply", c);
            qb.type = "button";
            qb.setAttribute("data-reply", c);
            qb.addEventListener("click", function () {
              if (state.busy) { showFormMessage(t("busy"), "info"); return; }
              send(c);
            });
            row.appendChild(qb);
          });
          li.appendChild(row);
        }
      }
      qs.appendChild(li);
    });
    $("questions-block").hidden = !(r.questions && r.questions.length);

    // evidence
    // grouped: open duplicates first, then what to do (procedures), then what was done before
    var recs = $("recommendations");
    recs.textContent = "";
    ["duplicate", "procedure", "work_order", "code"].forEach(function (kind) {
      var items = (r.recommendations || []).filter(function (x) { return x.kind === kind; });
      if (!items.length) return;
      var group = el("section", "rec-group rec-group-" + kind, null);
      var gh = el("h4", "rec-group-title", t("group_" + kind) + " (" + items.length + ")");
      gh.id = "rec-group-" + kind;
      group.setAttribute("aria-labelledby", gh.id);
      group.appendChild(gh);
      var ol = el("ol", "recs", null);
      items.forEach(function (rec) { ol.appendChild(renderRecommendation(rec)); });
      group.appendChild(ol);
      recs.appendChild(group);
    });
    $("evidence-empty").hidden = !!(r.recommendations && r.recommendations.length);
  }

  function readSelections() {
    var out = {};
    FIELDS.forEach(function (f) {
      var s = $("alt-" + f);
      if (s) out[f] = { select: s.value, kks: $("kks-" + f) ? $("kks-" + f).value : "" };
    });
    return out;
  }

  function codeLabel(field, code) {
    if (code === null || code === undefined || code === "") return t("notDetermined");
    var names = catalogName(field, code);
    if (field === "priority") return t("priorityName", { p: code, name: names ? nameText(names) : "" });
    return String(code) + (names ? " — " + nameText(names) : "");
  }

  function renderField(field, v, keep) {
    var card = el("article", "field", null);
    card.setAttribute("data-field", field);
    card.id = "field-" + field;
    var titleId = "field-title-" + field;
    card.setAttribute("aria-labelledby", titleId);
    var h = el("h4", "field-title", t("field_" + field));
    h.id = titleId;
    card.appendChild(h);

    var code = v.normalized;
    var codeLine = el("p", "field-code", null);
    var codeEl = el("span", "code-value", code === null || code === undefined ? "—" : String(code));
    codeEl.setAttribute("data-code", code === null || code === undefined ? "" : String(code));
    codeLine.appendChild(codeEl);
    var names = catalogName(field, code);
    if (field === "location" && v.label && code !== null && code !== undefined) codeLine.appendChild(el("span", "code-name", v.label));
    else if (names) codeLine.appendChild(el("span", "code-name", nameText(names)));
    else if (code === null || code === undefined) codeLine.appendChild(el("span", "code-name code-missing", t("notDetermined")));
    card.appendChild(codeLine);

    if (field === "location") {
      // The unit and system come with the field; a KKS code also spells them (unit digit + system).
      var kks = code === null || code === undefined ? "" : String(code);
      var unit = v.unit || (/^[0-9][A-Z]{3}/.test(kks) ? kks.charAt(0) : "");
      var system = v.system || (/^[0-9][A-Z]{3}/.test(kks) ? kks.slice(1, 4) : "");
      var sysNames = system && state.catalog && state.catalog.systems ? state.catalog.systems[system] : null;
      var unitText = unit ? t("unit", { unit: unit }) : t("unitUnknown");
      var showSysName = sysNames && (v.label || !names);
      var sysText = system ? " · " + system + (showSysName ? " " + nameText(sysNames) : "") : "";
      var meta = el("p", "field-meta" + (unit ? "" : " field-meta-missing"), unitText + sysText);
      meta.setAttribute("data-unit", unit || "");
      card.appendChild(meta);
    }

    var orig = el("p", "field-original", null);
    orig.appendChild(el("span", "muted", t("original") + ": "));
    orig.appendChild(v.original ? el("q", "original-text", v.original) : el("span", "muted", t("noOriginal")));
    card.appendChild(orig);

    // confidence: a bar and the number (not colour alone)
    var c = Number(v.confidence) || 0;
    var level = confLevel(c);
    var conf = el("div", "confidence conf-" + level, null);
    var cl = el("span", "conf-label", t("confidence"));
    var bar = el("div", "conf-bar", null);
    bar.setAttribute("role", "meter");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "100");
    bar.setAttribute("aria-valuenow", String(pct(c)));
    bar.setAttribute("aria-valuetext", pct(c) + "% (" + t("conf" + (level === "high" ? "High" : level === "mid" ? "Mid" : "Low")) + ")");
    bar.setAttribute("aria-label", t("field_" + field) + " " + t("confidence"));
    var fill = el("span", "conf-fill", null);
    fill.style.width = pct(c) + "%";
    bar.appendChild(fill);
    conf.appendChild(cl);
    conf.appendChild(bar);
    conf.appendChild(el("span", "conf-pct", pct(c) + "% · " + t("conf" + (level === "high" ? "High" : level === "mid" ? "Mid" : "Low"))));
    card.appendChild(conf);

    // what changed since the previous turn of the conversation
    var prev = state.previous && state.previous[field];
    if (prev && String(prev.normalized) !== String(code)) {
      var ch = el("p", "field-changed", t("changed", { before: prev.normalized === null || prev.normalized === undefined ? "—" : prev.normalized }));
      card.classList.add("is-changed");
      card.appendChild(ch);
    }

    // correction dropdown
    var wrap = el("div", "field-correct", null);
    var selId = "alt-" + field;
    var lab = el("label", "label-inline", t("correct"));
    lab.setAttribute("for", selId);
    var sel = el("select", "alt-select", null);
    sel.id = selId;
    sel.setAttribute("data-field", field);
    var hasCode = !(code === null || code === undefined || code === "");
    var currentLabel = field === "location" && v.label ? String(code) + " — " + v.label : codeLabel(field, code);
    sel.appendChild(option(hasCode ? String(code) : "", hasCode ? t("keepValue", { value: currentLabel }) : t("chooseValue")));
    var seen = {};
    if (hasCode) seen[String(code)] = true;
    var alts = (v.alternatives || []).filter(function (a) { return a && a.value !== null && a.value !== undefined && !seen[String(a.value)]; });
    if (alts.length) {
      var g = el("optgroup", null, null);
      g.label = t("alternativesGroup");
      alts.forEach(function (a) {
        seen[String(a.value)] = true;
        var label = field === "location" && a.label ? String(a.value) + " — " + a.label : codeLabel(field, a.value);
        if (a.label && label.indexOf(a.label) < 0) label += " (" + a.label + ")";
        g.appendChild(option(String(a.value), label + " · " + pct(a.confidence) + "%"));
      });
      sel.appendChild(g);
    }
    if (field !== "location" && state.catalog && state.catalog[CATALOG_KEY[field]]) {
      var all = el("optgroup", null, null);
      all.label = t("allCodesGroup");
      Object.keys(state.catalog[CATALOG_KEY[field]]).forEach(function (k) {
        if (!seen[k]) all.appendChild(option(k, codeLabel(field, k)));
      });
      sel.appendChild(all);
    }
    var kksInput = null;
    if (field === "location") {
      sel.appendChild(option("__other__", t("otherLocation")));
      kksInput = el("input", "kks-input", null);
      kksInput.type = "text";
      kksInput.id = "kks-" + field;
      kksInput.setAttribute("autocomplete", "off");
      kksInput.setAttribute("spellcheck", "false");
      kksInput.setAttribute("placeholder", t("kksPlaceholder"));
      kksInput.setAttribute("aria-label", t("kksLabel"));
      kksInput.hidden = true;
    }
    sel.addEventListener("change", function () {
      if (kksInput) {
        kksInput.hidden = sel.value !== "__other__";
        if (!kksInput.hidden) kksInput.focus();
      }
      card.classList.toggle("is-edited", sel.value !== (hasCode ? String(code) : ""));
    });
    if (keep) {
      sel.value = keep.select;
      if (kksInput) { kksInput.value = keep.kks || ""; kksInput.hidden = sel.value !== "__other__"; }
      card.classList.toggle("is-edited", sel.value !== (hasCode ? String(code) : ""));
    }
    wrap.appendChild(lab);
    wrap.appendChild(sel);
    if (kksInput) wrap.appendChild(kksInput);
    card.appendChild(wrap);

    var mark = state.feedbackMarks && state.feedbackMarks[field];
    var fb = el("p", "field-feedback", mark || "");
    fb.hidden = !mark;
    card.appendChild(fb);
    return card;
  }

  function option(value, label) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    return o;
  }

  function renderRecommendation(rec) {
    var li = el("li", "rec rec-" + rec.kind, null);
    li.setAttribute("data-kind", rec.kind);
    li.setAttribute("data-id", rec.id);
    var head = el("div", "rec-head", null);
    head.appendChild(el("span", "rec-kind kind-" + rec.kind, t("kind_" + rec.kind)));
    head.appendChild(el("span", "rec-title", rec.title));
    li.appendChild(head);
    var meta = el("p", "rec-meta", null);
    meta.appendChild(el("span", "muted", t("source") + " "));
    meta.appendChild(el("code", "rec-id", rec.id));
    meta.appendChild(el("span", "muted", " · " + t("score") + " " + pct(rec.score) + "%"));
    li.appendChild(meta);
    if (rec.reason) {
      var why = el("p", "rec-reason", null);
      why.appendChild(el("span", "muted", t("reason") + ": "));
      why.appendChild(document.createTextNode(rec.reason));
      li.appendChild(why);
    }
    var d = rec.details || {};
    if (Array.isArray(d.steps) && d.steps.length) {
      var det = el("details", "rec-steps", null);
      if (rec.kind === "procedure") det.open = true;
      det.appendChild(el("summary", null, t("steps") + " (" + d.steps.length + ")"));
      var ol = el("ol", null, null);
      d.steps.forEach(function (s) { ol.appendChild(el("li", null, typeof s === "string" ? s : (s.text || s.title || JSON.stringify(s)))); });
      det.appendChild(ol);
      li.appendChild(det);
    }
    var keys = Object.keys(d).filter(function (k) {
      var v = d[k];
      if (k === "steps" || v === null || v === undefined || v === "") return false;
      if (Array.isArray(v)) return v.length > 0;
      return typeof v !== "object";
    });
    if (keys.length) {
      var dl = el("dl", "rec-details", null);
      keys.slice(0, 8).forEach(function (k) {
        var label = I18N[state.lang]["detail_" + k] ? t("detail_" + k) : k.replace(/_/g, " ");
        var v = d[k];
        var pair = el("div", "rec-detail", null);
        pair.appendChild(el("dt", null, label));
        pair.appendChild(el("dd", null, Array.isArray(v) ? v.map(detailItem).join(", ") : String(v)));
        dl.appendChild(pair);
      });
      li.appendChild(dl);
    }
    return li;
  }

  function detailItem(x) {
    if (x === null || typeof x !== "object") return String(x);
    if (x.name) return x.name + (x.quantity && x.quantity !== 1 ? " ×" + x.quantity : "");
    return JSON.stringify(x);
  }

  // ---- feedback -----------------------------------------------------------------------------

  function collectFeedback() {
    var r = state.current.result;
    var fields = {};
    var error = null;
    FIELDS.forEach(function (f) {
      var sel = $("alt-" + f);
      if (!sel) return;
      var code = r[f] && r[f].normalized;
      var hasCode = !(code === null || code === undefined || code === "");
      var value = sel.value;
      if (value === "__other__") {
        value = ($("kks-" + f).value || "").trim().toUpperCase();
        if (!value) { error = t("feedbackNeedKks"); return; }
      }
      if (value === "") return; // nothing to confirm and nothing chosen
      if (hasCode && value === String(code)) fields[f] = { accepted: true };
      else fields[f] = { accepted: false, value: f === "priority" ? Number(value) : value };
    });
    return { fields: fields, error: error };
  }

  function saveFeedback() {
    if (!state.current || !state.current.result) return;
    var collected = collectFeedback();
    var status = $("feedback-status");
    if (collected.error || !Object.keys(collected.fields).length) {
      status.textContent = collected.error || t("feedbackNothing");
      status.className = "message message-error";
      status.hidden = false;
      return;
    }
    var body = { fields: collected.fields };
    var user = $("user-name").value.trim();
    if (user) body.user = user;
    var btn = $("feedback-save");
    btn.disabled = true;
    btn.textContent = t("saving");
    var id = state.current.id;
    request("POST", apiUrl("/api/requests/" + encodeURIComponent(id) + "/feedback"), body).then(function (res) {
      var saved = (res.body && res.body.saved) || [];
      var parts = [];
      state.feedbackMarks = {};
      saved.forEach(function (item) {
        var name = t("field_" + item.field);
        if (item.accepted) {
          parts.push(t("summaryAccepted", { field: name }));
          state.feedbackMarks[item.field] = "✓ " + t("fbAccepted");
        } else {
          parts.push(t("summaryCorrected", { field: name, value: item.corrected }));
          state.feedbackMarks[item.field] = "✎ " + t("fbCorrected", { value: item.corrected });
        }
      });
      FIELDS.forEach(function (f) {
        var card = $("field-" + f);
        if (!card) return;
        var p = card.querySelector(".field-feedback");
        p.textContent = state.feedbackMarks[f] || "";
        p.hidden = !state.feedbackMarks[f];
        card.classList.toggle("is-saved", !!state.feedbackMarks[f]);
      });
      var time = new Date().toLocaleTimeString(state.lang === "ko" ? "ko-KR" : "en-GB");
      status.textContent = "✓ " + t("feedbackSaved", { time: time, summary: parts.join(", ") });
      status.className = "message message-ok";
      status.setAttribute("data-saved", "true");
      status.hidden = false;
    }, function (err) {
      status.textContent = (err.title || t("http_other", { status: err.status })) + (err.detail ? ": " + err.detail : "");
      status.className = "message message-error";
      status.removeAttribute("data-saved");
      status.hidden = false;
    }).then(function () {
      btn.disabled = false;
      btn.textContent = t("saveFeedback");
    });
  }

  // ---- history ------------------------------------------------------------------------------

  function refreshHistory() {
    var sid = currentSession();
    if (!sid) { state.historyRows = []; renderHistory([]); return Promise.resolve(); }
    return request("GET", apiUrl("/api/sessions/" + encodeURIComponent(sid) + "/requests")).then(function (res) {
      $("history-error").hidden = true;
      state.historyRows = (res.body && res.body.requests) || [];
      renderHistory(state.historyRows);
    }, function (err) {
      var he = $("history-error");
      he.textContent = t("historyError", { detail: err.detail || err.title });
      he.hidden = false;
    });
  }

  function renderHistory(rows) {
    rows = rows || [];
    var ol = $("history-list");
    ol.textContent = "";
    $("history-empty").hidden = rows.length > 0;
    rows.slice().reverse().forEach(function (row) {
      var li = el("li", "history-item", null);
      li.setAttribute("data-id", row.id);
      var isCurrent = state.current && state.current.id === row.id;
      if (isCurrent) { li.classList.add("is-current"); li.setAttribute("aria-current", "true"); }
      var top = el("div", "history-top", null);
      var st = row.status || row.runtimeStatus;
      var badge = el("span", "badge badge-" + (row.status || String(row.runtimeStatus).toLowerCase()),
        row.status ? t("status_" + row.status) : t("rt_" + row.runtimeStatus));
      badge.setAttribute("data-status", st || "");
      top.appendChild(badge);
      var time = row.createdTime ? parseTime(row.createdTime) : null;
      if (time && !isNaN(time.getTime())) {
        var tm = el("time", "muted", time.toLocaleTimeString(state.lang === "ko" ? "ko-KR" : "en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
        tm.setAttribute("datetime", row.createdTime);
        top.appendChild(tm);
      }
      li.appendChild(top);
      var btn = el("button", "history-open", row.text);
      btn.type = "button";
      btn.setAttribute("aria-label", t("historyView") + ": " + row.text + (isCurrent ? " " + t("historyCurrent") : ""));
      btn.addEventListener("click", function () { openRequest(row.id, row.text, true); });
      li.appendChild(btn);
      ol.appendChild(li);
    });
  }

  // The API's times are UTC; one without an offset is read as UTC, not as local time.
  function parseTime(iso) {
    var s = String(iso);
    if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) s += "Z";
    return new Date(s);
  }

  function openRequest(id, text, focus) {
    clearError();
    return request("GET", apiUrl("/api/requests/" + encodeURIComponent(id))).then(function (res) {
      var s = res.body || {};
      if (s.runtimeStatus === "Completed" && s.output && typeof s.output === "object") {
        state.previous = null;
        if (!text) {
          var row = (state.historyRows || []).filter(function (x) { return x.id === id; })[0];
          text = row ? row.text : "";
        }
        show({ id: id, text: text || "", result: s.output }, false);
        if (focus) $("result-title").focus();
      } else if (s.runtimeStatus === "Failed") {
        showError(new ApiError("failed", 0, t("errRunFailed"), typeof s.output === "string" ? s.output : ""));
      } else {
        $("progress").hidden = false;
        updateProgress(s, 0);
      }
    }, function (err) { showError(err); });
  }

  // ---- start --------------------------------------------------------------------------------

  function loadCatalog() {
    return request("GET", apiUrl("/api/catalog")).then(function (res) {
      state.catalog = res.body;
      if (state.current && state.current.result) renderResult(state.current.result, { keepFeedback: true });
    }, function (err) {
      // Codes are still shown, without their names; the result says why.
      state.catalog = null;
      state.catalogError = err.detail || err.title || "";
    });
  }

  function init() {
    try { state.lang = localStorage.getItem("pmark3.lang") || "ko"; } catch (_e) { state.lang = "ko"; }
    if (!I18N[state.lang]) state.lang = "ko";
    try { $("user-name").value = localStorage.getItem("pmark3.user") || ""; } catch (_e) { /* ignore */ }
    var ta = $("request-text");
    ta.addEventListener("compositionstart", function () { state.composing = true; });
    ta.addEventListener("compositionend", function () {
      state.composing = false;
      // Some browsers send the Enter that ends a composition after compositionend.
      state.compositionJustEnded = true;
      setTimeout(function () { state.compositionJustEnded = false; }, 0);
    });
    ta.addEventListener("keydown", onKeyDown);
    ta.addEventListener("input", function () {
      updateCount();
      if (ta.getAttribute("aria-invalid") && ta.value.trim() && textLength(ta.value) <= CFG.maxTextLength) {
        ta.removeAttribute("aria-invalid");
        showFormMessage("", "info");
      }
    });
    $("request-form").addEventListener("submit", function (e) { e.preventDefault(); submitFromForm(); });
    $("lang-toggle").addEventListener("click", function () {
      state.lang = state.lang === "ko" ? "en" : "ko";
      try { localStorage.setItem("pmark3.lang", state.lang); } catch (_e) { /* ignore */ }
      applyLanguage();
    });
    $("new-session").addEventListener("click", function () {
      setSession(null);
      setLast(null);
      state.current = null; state.previous = null; state.historyRows = []; state.stepsView = null;
      $("result").hidden = true; $("progress").hidden = true; clearError();
      showFormMessage("", "info");
      renderHistory([]);
      ta.focus();
    });
    $("feedback-save").addEventListener("click", saveFeedback);
    $("history-refresh").addEventListener("click", refreshHistory);
    $("error-retry").addEventListener("click", function () { var r = state.lastRetry; clearError(); if (r) r(); });
    applyLanguage();
    renderSession();
    loadCatalog().then(function () {
      // Coming back to the page in the same tab: the conversation and its last result.
      refreshHistory().then(function () {
        var last = lastId();
        if (last && currentSession()) openRequest(last);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
