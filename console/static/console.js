/* The guide console's live updates: polls the console's own endpoints (no third-party code).
   Pages work without it; with it the queue refreshes and messages appear without reloading. */
(function () {
  "use strict";
  var POLL_MS = 1500;
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";

  function every(task) {
    var busy = false;
    function tick() {
      if (busy) { return; }
      busy = true;
      task().catch(function () { /* shown by the task itself; try again next time */ })
        .then(function () { busy = false; });
    }
    setInterval(tick, POLL_MS);
    return tick;
  }

  function loggedOut(response) {
    // The session expired: the server redirects to the login page (pages) or answers 401 (API).
    if (response.status === 401 || response.redirected) { window.location.reload(); return true; }
    return false;
  }

  /* ---- the queue page: re-render the server's fragment when it changed ---- */
  var queue = document.getElementById("queue");
  if (queue) {
    var status = document.getElementById("queue-status");
    var current = queue.innerHTML.trim();
    every(function () {
      return fetch(queue.getAttribute("data-refresh"), { credentials: "same-origin" }).then(function (response) {
        if (loggedOut(response) || !response.ok) { return; }
        return response.text().then(function (html) {
          html = html.trim();
          if (html === current) { return; }
          var focused = document.activeElement && queue.contains(document.activeElement) ?
            document.activeElement.closest("[data-handoff]") : null;
          var focusedId = focused ? focused.getAttribute("data-handoff") : null;
          queue.innerHTML = html;
          current = html;
          var content = queue.querySelector(".queue-content");
          if (status && content) { status.textContent = content.getAttribute("data-status"); }
          if (focusedId) {
            var again = queue.querySelector('[data-handoff="' + focusedId + '"] button');
            if (again) { again.focus(); }
          }
        });
      });
    });
  }

  /* ---- one conversation: append new messages, follow the state, send without reloading ---- */
  var list = document.getElementById("messages");
  if (list) {
    var note = document.getElementById("live-note");
    var stateLabel = document.getElementById("state");
    var form = document.getElementById("send");
    var lastId = parseInt(list.getAttribute("data-last-id"), 10) || 0;

    var append = function (message) {
      if (message.id <= lastId) { return; }
      lastId = message.id;
      var item = document.createElement("li");
      item.className = "from-" + message.sender;
      item.setAttribute("data-id", String(message.id));
      var who = document.createElement("span");
      who.className = "who";
      who.textContent = message.sender === "guide" ? (message.guide_name || "") :
        (list.getAttribute("data-label-" + message.sender) || message.sender);
      var text = document.createElement("span");
      text.className = "text";
      text.textContent = message.text || "";
      item.appendChild(who);
      item.appendChild(document.createTextNode(" "));
      // The crisis net flagged the person's message: said in words, not only in colour.
      var flagText = message.sender === "person" && (message.risk === "acute" || message.risk === "checkin") ?
        list.getAttribute("data-flag-" + message.risk) : null;
      if (flagText) {
        item.className += " flagged flag-" + message.risk;
        var flag = document.createElement("strong");
        flag.className = "flag";
        flag.setAttribute("data-flag", message.risk);
        flag.textContent = flagText;
        item.appendChild(flag);
        item.appendChild(document.createTextNode(" "));
      }
      item.appendChild(text);
      list.appendChild(item);
    };

    var showState = function (state) {
      if (state === list.getAttribute("data-state")) { return; }
      list.setAttribute("data-state", state);
      var label = list.getAttribute("data-state-" + state) || state;
      if (stateLabel) { stateLabel.textContent = label; }
      if (state !== "active") {
        if (note) { note.textContent = label; }
        if (form) {
          Array.prototype.forEach.call(form.elements, function (el) { el.disabled = true; });
        }
      }
    };

    var refresh = every(function () {
      return fetch(list.getAttribute("data-api") + "?after=" + lastId, {
        credentials: "same-origin", headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (loggedOut(response)) { return; }
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json().then(function (data) {
          if (note && note.textContent === list.getAttribute("data-lost")) { note.textContent = ""; }
          data.messages.forEach(append);
          showState(data.handoff.state);
        });
      }).catch(function (error) {
        if (note) { note.textContent = list.getAttribute("data-lost"); }
        throw error;
      });
    });

    if (form) {
      var box = document.getElementById("message");
      var error = document.getElementById("send-error");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var text = box.value.trim();
        if (!text) { error.textContent = form.getAttribute("data-empty"); box.focus(); return; }
        error.textContent = "";
        fetch(form.getAttribute("data-api"), {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
          body: JSON.stringify({ text: text })
        }).then(function (response) {
          if (loggedOut(response)) { return; }
          return response.json().then(function (data) {
            if (!response.ok) { error.textContent = data.message || String(response.status); return; }
            box.value = "";
            box.focus();
            refresh();
          });
        }).catch(function () { error.textContent = list.getAttribute("data-lost"); });
      });
      box.addEventListener("keydown", function (event) {
        // Enter sends, Shift+Enter makes a new line: what chat users expect.
        if (event.key === "Enter" && !event.shiftKey) {
          event.preventDefault();
          form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
        }
      });
    }
  }
}());
