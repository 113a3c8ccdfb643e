/*
 * Viitta web chat widget. A county embeds it with one tag:
 *
 *   <script src="https://viitta.example.fi/webhooks/webchat/widget.js" defer
 *           data-lang="fi" data-county="lappi" data-start="/greet"></script>
 *
 * data-lang   fi | sv (default: the page's <html lang>, else fi)
 * data-county the county code sent to the bot as metadata
 * data-start  the first message sent to the bot when the chat opens (default /greet)
 * data-exit-url where "quick exit" goes (default a weather page)
 *
 * It loads nothing from anywhere but the server it came from (no fonts, CDN or analytics).
 * The conversation id and transcript live in sessionStorage only: gone when the tab closes.
 * A message left for a service guide gives a return code instead: "Minulla on paluukoodi" /
 * "Jag har en returkod" reopens that conversation in any tab (connectors/return_code.py).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__viittaWidgetLoaded) return;
  window.__viittaWidgetLoaded = true;

  var STORE = "viitta-widget";
  var MAX_ITEMS = 300;
  var ESC_WINDOW_MS = 1500;

  var STRINGS = {
    fi: {
      launcher: "Kysy Viitalta", unread: "uusia viestejä", newMessage: "Uusi viesti Viitta-chatissa.", title: "Viitta",
      subtitle: "Nimetön chat lasta odottaville ja lapsiperheille",
      privacy: "Älä kirjoita nimeäsi, henkilötunnustasi tai yhteystietojasi. Hätätilanteessa soita 112.",
      minimize: "Pienennä chat", exit: "Poistu nopeasti",
      exitHint: "Vie sinut heti toiselle sivulle ja tyhjentää keskustelun tästä selaimesta. Voit myös painaa Esc-näppäintä kaksi kertaa.",
      otherLang: "På svenska", otherLangCode: "sv", deleteChat: "Poista keskustelu",
      confirmDelete: "Poistetaanko koko keskustelu myös palvelimelta? Sitä ei voi palauttaa.",
      confirmYes: "Poista", confirmNo: "Peruuta",
      deleted: "Keskustelu on poistettu. Voit aloittaa uuden, kun haluat.",
      deleteFailed: "Keskustelun poistaminen ei onnistunut. Yritä hetken päästä uudelleen.",
      log: "Keskustelu", inputLabel: "Kirjoita viesti", placeholder: "Kirjoita viesti…", send: "Lähetä",
      you: "Sinä", bot: "Viitta", guide: "Palveluohjaaja", notice: "Tiedote", emergency: "Hätätilanne",
      choices: "Vastausvaihtoehdot", connecting: "Yhdistetään…", writing: "Viitta kirjoittaa…",
      offline: "Yhteys katkesi. Yritetään uudelleen – viestisi lähtevät, kun yhteys palaa.",
      openNow: "Avoinna nyt", closedNow: "Suljettu nyt", call: "Soita", web: "Verkkosivu",
      waiting: "Odotat palveluohjaajaa. Voit kirjoittaa jo nyt – hän näkee viestisi, kun tulee mukaan.",
      active: "Palveluohjaaja on mukana keskustelussa.",
      cancelWait: "Lopeta odottaminen", endChat: "Lopeta keskustelu",
      haveCode: "Minulla on paluukoodi", codeLabel: "Paluukoodi (8 merkkiä)", codeOpen: "Avaa keskustelu",
      codeCancel: "Peruuta", codeTitle: "Paluukoodisi", copy: "Kopioi koodi", copied: "Koodi on kopioitu.",
      codeHelp: "Tallenna koodi itsellesi. Kun palaat – vaikka toisessa välilehdessä tai myöhemmin – valitse ”Minulla on paluukoodi” ja kirjoita koodi. Näet silloin palveluohjaajan vastauksen ja voit jatkaa keskustelua. Koodi on voimassa {days} päivää.",
      codeUnknown: "Tällä koodilla ei löytynyt keskustelua. Tarkista koodi: siinä on 8 merkkiä, esimerkiksi ACDE-FHJK.",
      codeLimited: "Koodia on yritetty monta kertaa. Odota hetki ja yritä sitten uudelleen.",
      restored: "Palasit aiempaan keskusteluusi. Jos palveluohjaaja on jo vastannut, vastaus näkyy alla."
    },
    sv: {
      launcher: "Fråga Viitta", unread: "nya meddelanden", newMessage: "Nytt meddelande i Viitta-chatten.", title: "Viitta",
      subtitle: "Anonym chatt för blivande föräldrar och barnfamiljer",
      privacy: "Skriv inte ditt namn, din personbeteckning eller dina kontaktuppgifter. Ring 112 i nödsituationer.",
      minimize: "Minimera chatten", exit: "Lämna snabbt",
      exitHint: "Tar dig genast till en annan sida och raderar samtalet från den här webbläsaren. Du kan också trycka på Esc två gånger.",
      otherLang: "Suomeksi", otherLangCode: "fi", deleteChat: "Radera samtalet",
      confirmDelete: "Vill du radera hela samtalet också från servern? Det går inte att återställa.",
      confirmYes: "Radera", confirmNo: "Avbryt",
      deleted: "Samtalet är raderat. Du kan börja ett nytt när du vill.",
      deleteFailed: "Det gick inte att radera samtalet. Försök igen om en stund.",
      log: "Samtal", inputLabel: "Skriv ett meddelande", placeholder: "Skriv ett meddelande…", send: "Skicka",
      you: "Du", bot: "Viitta", guide: "Servicehandledare", notice: "Information", emergency: "Nödsituation",
      choices: "Svarsalternativ", connecting: "Ansluter…", writing: "Viitta skriver…",
      offline: "Anslutningen bröts. Vi försöker igen – dina meddelanden skickas när anslutningen är tillbaka.",
      openNow: "Öppet nu", closedNow: "Stängt nu", call: "Ring", web: "Webbsida",
      waiting: "Du väntar på en servicehandledare. Du kan redan skriva – hen ser dina meddelanden när hen kommer med.",
      active: "En servicehandledare är med i samtalet.",
      cancelWait: "Sluta vänta", endChat: "Avsluta samtalet",
      haveCode: "Jag har en returkod", codeLabel: "Returkod (8 tecken)", codeOpen: "Öppna samtalet",
      codeCancel: "Avbryt", codeTitle: "Din returkod", copy: "Kopiera koden", copied: "Koden är kopierad.",
      codeHelp: "Spara koden. När du kommer tillbaka – också i en annan flik eller senare – välj ”Jag har en returkod” och skriv in koden. Då ser du servicehandledarens svar och kan fortsätta samtalet. Koden gäller i {days} dagar.",
      codeUnknown: "Vi hittade inget samtal med den här koden. Kontrollera koden: den har 8 tecken, till exempel ACDE-FHJK.",
      codeLimited: "Koden har prövats många gånger. Vänta en stund och försök sedan igen.",
      restored: "Du är tillbaka i ditt tidigare samtal. Om servicehandledaren redan har svarat syns svaret nedan."
    }
  };

  function pickLang(value) {
    var v = String(value || "").toLowerCase().slice(0, 2);
    return v === "fi" || v === "sv" ? v : null;
  }

  var src = new URL(script.src, location.href);
  var socketUrl = (src.protocol === "https:" ? "wss://" : "ws://") + src.host +
    src.pathname.replace(/widget\.js$/, "socket");
  var data = script.dataset;
  var cfg = {
    lang: pickLang(data.lang) || pickLang(document.documentElement.lang) || "fi",
    county: /^[a-z-]{2,40}$/.test(data.county || "") ? data.county : "",
    start: data.start || "/greet",
    exitUrl: /^https?:\/\//.test(data.exitUrl || "") ? data.exitUrl : "https://yle.fi/saa"
  };

  // ---- state, kept in sessionStorage only ------------------------------------------------------
  function fresh() {
    return { conversation: null, after: 0, lang: cfg.lang, open: false, started: false,
             items: [], pending: [], forget: false, handoff: "", redeem: null };
  }
  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE) || "null");
      return saved && typeof saved === "object" && Array.isArray(saved.items) ? saved : null;
    } catch (e) { return null; }
  }
  function save() {
    try { window.sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* storage off: no persistence */ }
  }
  var state = load() || fresh();
  function t(key) { return STRINGS[state.lang][key]; }

  // ---- DOM ---------------------------------------------------------------------------------------
  var CSS = [
    ":host{all:initial}",
    ".v{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.45;color:#1a1a1a}",
    ".v *{box-sizing:border-box}",
    ".sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}",
    "button,textarea{font:inherit}",
    "button{cursor:pointer;border-radius:6px;border:2px solid #0b4f8a;background:#fff;color:#0b4f8a;padding:6px 10px;font-weight:600}",
    "button:hover{background:#e6eef6}",
    "button.primary{background:#0b4f8a;color:#fff}button.primary:hover{background:#083b67}",
    ":focus-visible{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 2px #fff}",
    ".launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;border-radius:24px;padding:12px 18px;background:#0b4f8a;color:#fff;box-shadow:0 2px 10px rgba(0,0,0,.3)}",
    ".launcher:hover{background:#083b67}",
    ".badge-unread{display:inline-block;margin-left:8px;min-width:1.4em;padding:0 6px;border-radius:10px;background:#fff;color:#0b4f8a}",
    ".panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:min(420px,calc(100vw - 32px));height:min(680px,calc(100vh - 32px));display:flex;flex-direction:column;background:#fff;border:1px solid #5a5a5a;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.3);overflow-y:auto}",
    ".panel[hidden],.launcher[hidden],[hidden]{display:none!important}",
    "@media (max-width:480px),(max-height:480px){.panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0;border:0}}",
    "header{padding:10px 12px;background:#eef3f8;border-bottom:1px solid #c5d3e0}",
    ".top{display:flex;align-items:flex-start;gap:8px;flex-wrap:wrap}",
    ".titles{flex:1 1 10em;min-width:0}",
    "h2{margin:0;font-size:1.15rem}",
    ".subtitle{margin:0;font-size:.9rem;color:#3d3d3d}",
    "button.exit{background:#b3261e;border-color:#b3261e;color:#fff}button.exit:hover{background:#8c1d18}",
    ".tools{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
    ".tools button{font-size:.9rem;padding:4px 8px}",
    "button.icon{padding:2px 10px;font-size:1.1rem;line-height:1.2}",
    ".privacy{margin:0;padding:6px 12px;font-size:.85rem;color:#3d3d3d;background:#fafafa;border-bottom:1px solid #e0e0e0}",
    ".handoff,.confirm{margin:0;padding:8px 12px;background:#fff8e1;border-bottom:1px solid #e0c97a;display:flex;flex-wrap:wrap;gap:8px;align-items:center}",
    ".handoff p,.confirm p{margin:0;flex:1 1 12em}",
    ".log{flex:1 1 auto;min-height:9rem;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}",
    ".msg{max-width:92%;padding:8px 12px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}",
    ".msg p{margin:0}",
    ".from-bot{align-self:flex-start;background:#f1f3f5}",
    ".from-person{align-self:flex-end;background:#0b4f8a;color:#fff}",
    ".from-guide{align-self:flex-start;background:#e8f5e9;border-left:5px solid #1b5e20}",
    ".from-system{align-self:center;max-width:100%;background:#fff;border:1px dashed #6b6b6b;color:#3d3d3d;font-style:italic}",
    ".who{display:block;font-weight:700;color:#1b5e20;font-size:.9rem}",
    ".emergency{align-self:stretch;max-width:100%;background:#fdecea;border:3px solid #b3261e;font-weight:600}",
    ".emergency .who{color:#8c1d18;font-size:1rem}",
    ".numbers{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
    "a{color:#0b4f8a;text-decoration:underline}.from-person a{color:#fff}",
    "a.action{display:inline-block;padding:6px 10px;border:2px solid #0b4f8a;border-radius:6px;text-decoration:none;font-weight:600;background:#fff}",
    "a.call{background:#0b4f8a;color:#fff}",
    ".emergency a.call{background:#b3261e;border-color:#b3261e}",
    ".card{align-self:stretch;max-width:100%;background:#fff;border:1px solid #8a8a8a;border-radius:10px;white-space:normal}",
    ".card-name{font-weight:700;font-size:1.05rem;margin:0 0 4px}",
    ".state{display:inline-block;font-size:.85rem;font-weight:700;padding:1px 8px;border-radius:10px;color:#fff;margin-bottom:4px}",
    ".state.open{background:#1b5e20}.state.closed{background:#5a5a5a}",
    ".card-text{white-space:pre-wrap;margin:0}",
    ".card-actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}",
    ".choices{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:100%}",
    ".choices button{font-weight:500;text-align:left}",
    ".status{margin:0;padding:0 12px;font-size:.9rem;color:#3d3d3d;min-height:1.2em}",
    ".redeem{margin:0;padding:8px 12px;background:#eef3f8;border-bottom:1px solid #c5d3e0;display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}",
    ".redeem label{flex:1 1 100%;font-weight:600}",
    ".redeem input{flex:1 1 8em;min-width:0;font:inherit;padding:6px;border:2px solid #5a5a5a;border-radius:6px;text-transform:uppercase;letter-spacing:.1em}",
    ".redeem .error{flex:1 1 100%;margin:0;color:#8c1d18;font-weight:600}",
    ".code{align-self:stretch;max-width:100%;background:#fff;border:2px solid #0b4f8a;border-radius:10px;white-space:normal}",
    ".code-value{display:inline-block;margin:4px 8px 4px 0;font-size:1.4rem;font-weight:700;letter-spacing:.12em;font-family:ui-monospace,Menlo,Consolas,monospace}",
    "form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e0e0e0;align-items:flex-end}",
    "textarea{flex:1 1 auto;min-width:0;resize:none;padding:8px;border:2px solid #5a5a5a;border-radius:6px;color:#1a1a1a;background:#fff}",
    // Small screens and high zoom: every pixel to the conversation (kept last so that it wins).
    "@media (max-width:480px),(max-height:560px){.subtitle{display:none}.privacy{font-size:.8rem}.log{min-height:5.5rem}}"
  ].join("\n");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  var host = el("div", { id: "viitta-widget" });
  var shadow = host.attachShadow({ mode: "open" });
  var ui = {};
  shadow.appendChild(el("style", { text: CSS }));
  var root = el("div", { className: "v" }, [
    ui.launcher = el("button", { type: "button", className: "launcher", "aria-expanded": "false", "aria-controls": "viitta-panel" }),
    // Announces a message that arrives while the chat is minimised (the log is hidden then).
    ui.announce = el("p", { className: "sr", role: "status" }),
    ui.panel = el("section", { className: "panel", id: "viitta-panel", "aria-labelledby": "viitta-title", hidden: "" }, [
      el("header", {}, [
        el("div", { className: "top" }, [
          el("div", { className: "titles" }, [
            ui.title = el("h2", { id: "viitta-title" }),
            ui.subtitle = el("p", { className: "subtitle" })
          ]),
          ui.minimize = el("button", { type: "button", className: "icon" }, [
            el("span", { "aria-hidden": "true", text: "\u2014" }), ui.minimizeLabel = el("span", { className: "sr" })
          ])
        ]),
        el("div", { className: "tools" }, [
          ui.exit = el("button", { type: "button", className: "exit", "aria-describedby": "viitta-exit-hint" }),
          ui.exitHint = el("span", { id: "viitta-exit-hint", className: "sr" }),
          ui.lang = el("button", { type: "button" }),
          ui.del = el("button", { type: "button" }),
          ui.codeEntry = el("button", { type: "button", "aria-expanded": "false", "aria-controls": "viitta-redeem" })
        ])
      ]),
      ui.privacy = el("p", { className: "privacy" }),
      ui.confirm = el("div", { className: "confirm", role: "group", "aria-labelledby": "viitta-confirm-text", hidden: "" }, [
        ui.confirmText = el("p", { id: "viitta-confirm-text" }),
        ui.confirmYes = el("button", { type: "button", className: "exit" }),
        ui.confirmNo = el("button", { type: "button" })
      ]),
      ui.redeem = el("form", { className: "redeem", id: "viitta-redeem", hidden: "" }, [
        ui.codeLabel = el("label", { "for": "viitta-code" }),
        ui.codeInput = el("input", { id: "viitta-code", type: "text", maxlength: "20", autocomplete: "off",
                                     autocapitalize: "characters", spellcheck: "false", "aria-describedby": "viitta-code-error" }),
        ui.codeOpen = el("button", { type: "submit", className: "primary" }),
        ui.codeCancel = el("button", { type: "button" }),
        ui.codeError = el("p", { id: "viitta-code-error", className: "error", role: "alert" })
      ]),
      ui.handoff = el("div", { className: "handoff", hidden: "" }, [
        ui.handoffText = el("p", { role: "status" }),
        ui.handoffCancel = el("button", { type: "button" })
      ]),
      ui.log = el("div", { className: "log", role: "log", "aria-live": "polite", tabindex: "0" }),
      ui.status = el("p", { className: "status", role: "status" }),
      ui.form = el("form", {}, [
        ui.inputLabel = el("label", { "for": "viitta-input", className: "sr" }),
        ui.input = el("textarea", { id: "viitta-input", rows: "2", maxlength: "2000", autocomplete: "off" }),
        ui.send = el("button", { type: "submit", className: "primary" })
      ])
    ])
  ]);
  shadow.appendChild(root);

  var unread = 0;
  function applyStrings() {
    root.setAttribute("lang", state.lang);
    ui.launcher.textContent = t("launcher");
    if (unread > 0) {
      ui.launcher.appendChild(el("span", { className: "badge-unread", "aria-hidden": "true", text: String(unread) }));
      ui.launcher.appendChild(el("span", { className: "sr", text: " (" + unread + " " + t("unread") + ")" }));
    }
    ui.title.textContent = t("title");
    ui.subtitle.textContent = t("subtitle");
    ui.exit.textContent = t("exit");
    ui.exitHint.textContent = t("exitHint");
    ui.lang.textContent = t("otherLang");
    ui.lang.setAttribute("lang", t("otherLangCode"));
    ui.del.textContent = t("deleteChat");
    ui.codeEntry.textContent = t("haveCode");
    ui.codeLabel.textContent = t("codeLabel");
    ui.codeOpen.textContent = t("codeOpen");
    ui.codeCancel.textContent = t("codeCancel");
    ui.minimizeLabel.textContent = t("minimize");
    ui.minimize.setAttribute("title", t("minimize"));
    ui.privacy.textContent = t("privacy");
    ui.confirmText.textContent = t("confirmDelete");
    ui.confirmYes.textContent = t("confirmYes");
    ui.confirmNo.textContent = t("confirmNo");
    ui.log.setAttribute("aria-label", t("log"));
    ui.inputLabel.textContent = t("inputLabel");
    ui.input.setAttribute("placeholder", t("placeholder"));
    ui.send.textContent = t("send");
    showHandoff();
  }

  // ---- rendering ---------------------------------------------------------------------------------
  var URL_RE = /https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/g;
  function richText(text, node) {
    // Links become <a>; everything else stays text (never innerHTML: the text comes from outside).
    var last = 0, match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      node.appendChild(el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer", text: match[0] }));
      last = match.index + match[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//.test(url) ? url : null; }
  function telHref(number) { return "tel:" + String(number).replace(/[^\d+]/g, ""); }

  function speaker(item) {
    if (item.kind === "person") return t("you");
    if (item.sender === "guide") return item.guide_name ? t("guide") + " " + item.guide_name : t("guide");
    if (item.sender === "system") return t("notice");
    return t("bot");
  }

  function serviceCard(item, custom) {
    var lines = String(item.text || "").split("\n");
    if (lines[0] === custom.name) lines.shift();
    var actions = el("div", { className: "card-actions" });
    if (custom.phone) {
      actions.appendChild(el("a", { className: "action call", href: telHref(custom.phone) }, [
        document.createTextNode(t("call") + " " + custom.phone),
        el("span", { className: "sr", text: " – " + custom.name })
      ]));
    }
    if (safeUrl(custom.url)) {
      actions.appendChild(el("a", { className: "action", href: custom.url, target: "_blank", rel: "noopener noreferrer" }, [
        document.createTextNode(t("web")), el("span", { className: "sr", text: " – " + custom.name })
      ]));
    }
    var badge = custom.open_now === true ? el("span", { className: "state open", text: t("openNow") })
      : custom.open_now === false ? el("span", { className: "state closed", text: t("closedNow") }) : null;
    return el("div", { className: "msg from-bot card" }, [
      el("span", { className: "sr", text: speaker(item) + ": " }),
      el("p", { className: "card-name", text: custom.name || "" }),
      badge,
      lines.join("\n").trim() ? richText(lines.join("\n").trim(), el("p", { className: "card-text" })) : null,
      actions
    ]);
  }

  function emergency(item, custom) {
    var numbers = el("div", { className: "numbers" });
    (Array.isArray(custom.numbers) ? custom.numbers : []).forEach(function (n) {
      if (typeof n === "string") numbers.appendChild(el("a", { className: "action call", href: telHref(n), text: t("call") + " " + n }));
    });
    return el("div", { className: "msg emergency", role: "alert" }, [
      el("span", { className: "who", text: t("emergency") }),
      richText(String(item.text || ""), el("p")), numbers
    ]);
  }

  function codeNode(item) {
    var copy = el("button", { type: "button", text: t("copy") });
    var done = el("span", { className: "sr", role: "status" });
    var value = el("strong", { className: "code-value", text: item.code });
    copy.addEventListener("click", function () {
      var shown = function () { done.textContent = t("copied"); };
      var select = function () {
        // No clipboard API (plain http): select the code so that the person can copy it themselves.
        var range = document.createRange(); range.selectNodeContents(value);
        var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        try { if (document.execCommand("copy")) shown(); } catch (e) { /* selected is enough */ }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(item.code).then(shown, select);
      else select();
    });
    return el("div", { className: "msg code" }, [
      el("p", { className: "card-name", text: t("codeTitle") }),
      value, copy, done,
      el("p", { text: t("codeHelp").replace("{days}", String(item.days || 30)) })
    ]);
  }

  function messageNode(item) {
    if (item.kind === "code") return codeNode(item);
    if (item.kind === "note") return el("div", { className: "msg from-system", text: t(item.key) });
    var custom = item.custom && typeof item.custom === "object" ? item.custom : {};
    if (custom.type === "service" && custom.name) return serviceCard(item, custom);
    if (custom.type === "emergency") return emergency(item, custom);
    if (!item.text) return null;
    var kind = item.kind === "person" ? "person" : item.sender === "guide" ? "guide"
      : (item.sender === "system" || Object.prototype.hasOwnProperty.call(HANDOFF_STATE, custom.type || "")) ? "system" : "bot";
    var label = kind === "guide" ? el("span", { className: "who", text: speaker(item) })
      : el("span", { className: "sr", text: speaker(item) + ": " });
    return el("div", { className: "msg from-" + kind }, [label, richText(String(item.text), el("p"))]);
  }

  function choicesNode(item) {
    var buttons = Array.isArray(item.buttons) ? item.buttons : [];
    if (!buttons.length) return null;
    var group = el("div", { className: "choices", role: "group", "aria-label": t("choices") });
    buttons.forEach(function (b) {
      if (!b || typeof b.title !== "string") return;
      var button = el("button", { type: "button", text: b.title });
      button.addEventListener("click", function () {
        say(typeof b.payload === "string" && b.payload ? b.payload : b.title, b.title);
        ui.input.focus();
      });
      group.appendChild(button);
    });
    return group;
  }

  function render(item) {
    var node = messageNode(item);
    if (node) ui.log.appendChild(node);
    var choices = choicesNode(item);
    if (choices) ui.log.appendChild(choices);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function notice(text) {
    ui.log.appendChild(el("div", { className: "msg from-system", text: text }));
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function remember(item) {
    state.items.push(item);
    if (state.items.length > MAX_ITEMS) state.items.splice(0, state.items.length - MAX_ITEMS);
    render(item);
    save();
  }

  // ---- handoff status ----------------------------------------------------------------------------
  var HANDOFF_STATE = { handoff_started: "waiting", handoff_forwarded: "waiting", handoff_joined: "active",
                        handoff_ended: "", handoff_unavailable: "", handoff_cancelled: "", handoff_expired: "" };
  function trackHandoff(item) {
    var type = item.custom && item.custom.type;
    if (item.sender === "guide") state.handoff = "active";
    else if (type && Object.prototype.hasOwnProperty.call(HANDOFF_STATE, type)) state.handoff = HANDOFF_STATE[type];
    showHandoff();
  }
  function showHandoff() {
    ui.handoff.hidden = !state.handoff;
    if (!state.handoff) return;
    ui.handoffText.textContent = t(state.handoff === "active" ? "active" : "waiting");
    ui.handoffCancel.textContent = t(state.handoff === "active" ? "endChat" : "cancelWait");
  }

  // ---- connection --------------------------------------------------------------------------------
  var ws = null, ready = false, sentRefs = {}, awaiting = {}, retry = 0, retryTimer = null;

  function setStatus(text) { ui.status.textContent = text || ""; }
  function setBusy() {
    // aria-busy: screen readers announce the whole answer once it is complete.
    var busy = Object.keys(awaiting).length > 0;
    ui.log.setAttribute("aria-busy", busy ? "true" : "false");
    if (ready) setStatus(busy ? t("writing") : "");
  }

  function connect() {
    if (ws || retryTimer) return;
    setStatus(t("connecting"));
    try { ws = new WebSocket(socketUrl); } catch (e) { ws = null; scheduleReconnect(); return; }
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "hello", conversation: state.conversation, after: state.after }));
    };
    ws.onmessage = function (event) {
      var f;
      try { f = JSON.parse(event.data); } catch (e) { return; }
      onFrame(f);
    };
    ws.onclose = function () {
      ws = null; ready = false; sentRefs = {}; awaiting = {}; setBusy();
      if (state.pending.length || state.forget || state.conversation) {
        setStatus(t("offline"));
        scheduleReconnect();
      } else setStatus("");
    };
  }
  function scheduleReconnect() {
    var delay = Math.min(15000, 1000 * Math.pow(2, retry++));
    retryTimer = window.setTimeout(function () { retryTimer = null; connect(); }, delay);
  }
  function transmit() {
    if (!ready || !ws) return;
    if (state.forget) { ws.send(JSON.stringify({ type: "forget" })); return; }
    if (state.redeem) { ws.send(JSON.stringify({ type: "redeem", code: state.redeem })); state.redeem = null; save(); }
    state.pending.forEach(function (p) {
      if (sentRefs[p.ref]) return;
      sentRefs[p.ref] = true;
      awaiting[p.ref] = true;
      ws.send(JSON.stringify({ type: "say", ref: p.ref, text: p.text, metadata: p.metadata }));
    });
    setBusy();
  }

  function onFrame(f) {
    if (f.type === "ready") {
      if (state.conversation !== f.conversation) { state.conversation = f.conversation; state.after = 0; }
      ready = true; retry = 0; awaiting = {}; setStatus("");
      save();
      transmit();
      setBusy();
    } else if (f.type === "received") {
      state.pending = state.pending.filter(function (p) { return p.ref !== f.ref; });
      save();
    } else if (f.type === "answered") {
      delete awaiting[f.ref];
      setBusy();
    } else if (f.type === "message") {
      if (typeof f.id === "number") {
        if (f.id <= state.after) return;  // already rendered before a reconnect
        state.after = f.id;
      }
      var item = { kind: f.sender === "person" ? "person" : "in", id: f.id, sender: f.sender, text: f.text, buttons: f.buttons,
                   custom: f.custom, guide_name: f.guide_name };
      trackHandoff(item);
      remember(item);
      if (ui.panel.hidden) {
        unread += 1; applyStrings();
        ui.announce.textContent = "";
        window.setTimeout(function () { ui.announce.textContent = t("newMessage"); }, 50);
      }
    } else if (f.type === "return_code" && typeof f.code === "string") {
      remember({ kind: "code", code: f.code, days: f.days });
    } else if (f.type === "restored") {
      restore(f.conversation);
    } else if (f.type === "error" && (f.reason === "code_unknown" || f.reason === "code_limited")) {
      ui.redeem.hidden = false;
      ui.codeError.textContent = t(f.reason === "code_limited" ? "codeLimited" : "codeUnknown");
      ui.codeInput.focus();
    } else if (f.type === "forgotten") {
      reset();
      notice(t("deleted"));
    } else if (f.type === "error" && f.reason === "forget_failed") {
      state.forget = false; save();
      notice(t("deleteFailed"));
    }
  }

  function say(text, shown) {
    if (!text) return;
    if (shown) remember({ kind: "person", text: shown });
    var metadata = { language: state.lang };
    if (cfg.county) metadata.county = cfg.county;
    state.pending.push({ ref: Date.now().toString(36) + Math.random().toString(36).slice(2, 10), text: text, metadata: metadata });
    save();
    connect();
    transmit();
  }

  function start() {
    if (state.started) return;
    state.started = true;
    say(cfg.start, null);
  }

  function reset() {
    var lang = state.lang, open = state.open;
    if (ws) { ws.onclose = null; try { ws.close(); } catch (e) { /* already closed */ } }
    ws = null; ready = false; sentRefs = {}; awaiting = {};
    state = fresh(); state.lang = lang; state.open = open;
    try { window.sessionStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    ui.log.textContent = "";
    showHandoff();
    setBusy();
    setStatus("");
  }

  function restore(conversation) {
    // The code's conversation replaces this one; its left message and what followed arrive next.
    state.conversation = conversation; state.after = 0; state.items = []; state.pending = [];
    state.handoff = ""; state.started = true;
    ui.log.textContent = "";
    closeRedeem(false);
    remember({ kind: "note", key: "restored" });
    showHandoff();
    ui.input.focus();
  }
  function closeRedeem(focus) {
    ui.redeem.hidden = true; ui.codeError.textContent = ""; ui.codeInput.value = "";
    ui.codeEntry.setAttribute("aria-expanded", "false");
    if (focus) ui.codeEntry.focus();
  }

  // ---- actions -----------------------------------------------------------------------------------
  function openPanel(focus) {
    state.open = true; save();
    ui.panel.hidden = false; ui.launcher.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "true");
    unread = 0; applyStrings();
    ui.log.scrollTop = ui.log.scrollHeight;
    start();
    connect();
    if (focus !== false) ui.input.focus();
  }
  function closePanel() {
    state.open = false; save();
    ui.panel.hidden = true; ui.launcher.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function quickExit() {
    // First hide and forget everything here, then leave without a back-history entry for this page.
    try { window.sessionStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    if (ws) { ws.onclose = null; try { ws.close(); } catch (e) { /* closed */ } }
    document.documentElement.style.display = "none";
    host.remove();
    window.location.replace(cfg.exitUrl);
  }

  ui.launcher.addEventListener("click", function () { openPanel(true); });
  ui.minimize.addEventListener("click", closePanel);
  ui.exit.addEventListener("click", quickExit);
  ui.lang.addEventListener("click", function () {
    state.lang = state.lang === "fi" ? "sv" : "fi";
    save(); applyStrings();
    // The bot follows (it answers in the new language); a guide just keeps chatting.
    if (state.started && !state.handoff) say('/change_language{"language": "' + state.lang + '"}', null);
    ui.lang.focus();
  });
  ui.del.addEventListener("click", function () { ui.confirm.hidden = false; ui.confirmNo.focus(); });
  ui.confirmNo.addEventListener("click", function () { ui.confirm.hidden = true; ui.del.focus(); });
  ui.confirmYes.addEventListener("click", function () {
    ui.confirm.hidden = true;
    if (!state.conversation) { reset(); notice(t("deleted")); ui.input.focus(); return; }
    state.forget = true; state.pending = []; save();
    connect(); transmit();
    ui.input.focus();
  });
  ui.codeEntry.addEventListener("click", function () {
    if (!ui.redeem.hidden) { closeRedeem(true); return; }
    ui.redeem.hidden = false; ui.codeEntry.setAttribute("aria-expanded", "true");
    ui.codeInput.focus();
  });
  ui.codeCancel.addEventListener("click", function () { closeRedeem(true); });
  ui.redeem.addEventListener("submit", function (event) {
    event.preventDefault();
    var code = ui.codeInput.value.trim();
    if (!code) { ui.codeInput.focus(); return; }
    ui.codeError.textContent = "";
    state.redeem = code; save();
    connect(); transmit();
  });
  ui.handoffCancel.addEventListener("click", function () {
    say("/cancel_handoff", ui.handoffCancel.textContent);
    ui.input.focus();
  });
  ui.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = "";
    say(text, text);
  });
  ui.input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit ? ui.form.requestSubmit() : ui.form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  var lastEscape = 0;
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (!ui.confirm.hidden) { ui.confirm.hidden = true; ui.del.focus(); return; }
    // Only once the chat is in use, so that Esc on the county's page alone never leaves it.
    if (ui.panel.hidden && !state.conversation) return;
    var now = Date.now();
    if (now - lastEscape < ESC_WINDOW_MS) quickExit();
    lastEscape = now;
  }, true);

  function mount() {
    document.body.appendChild(host);
    applyStrings();
    ui.log.setAttribute("aria-live", "off");  // restoring the transcript is not news
    state.items.forEach(render);
    ui.log.setAttribute("aria-live", "polite");
    if (state.open) openPanel(false);  // a reload keeps the chat open but does not move focus
    else if (state.conversation || state.pending.length) connect();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
