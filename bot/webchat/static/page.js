// The citizen page: a language picker by autonym, and the rasa-webchat widget fed the chosen
// language as its customData (which the assistant's language policy reads as an explicit
// choice). The conversation lives in localStorage, so it survives a reload; changing the
// language reloads the widget and asks the assistant to switch.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("config").textContent);
  var byCode = {};
  config.languages.forEach(function (entry) { byCode[entry.code] = entry; });
  var STORED = "citizen_language";
  var select = document.getElementById("language");

  function bestMatch(tags) {
    for (var i = 0; i < tags.length; i++) {
      var tag = String(tags[i]);
      if (byCode[tag]) return tag;
      if (/^zh-(TW|HK|MO|Hant)/i.test(tag)) return "zh-Hant";
      if (/^zh/i.test(tag)) return "zh-Hans";
      if (/^tl/i.test(tag)) return "fil";
      var base = tag.split("-")[0].toLowerCase();
      if (byCode[base]) return base;
    }
    return "en";
  }

  var language = localStorage.getItem(STORED);
  if (!byCode[language]) language = bestMatch(navigator.languages || [navigator.language || "en"]);
  var entry = byCode[language];
  select.value = language;
  document.documentElement.lang = language;
  ["notice", "human"].forEach(function (id) {
    var element = document.getElementById(id);
    element.textContent = entry[id];
    element.lang = language;
    element.dir = entry.dir;
  });

  select.addEventListener("change", function () {
    var chosen = select.value;
    localStorage.setItem(STORED, chosen);
    if (localStorage.getItem("chat_session")) {
      // Sent by the widget when it reconnects to the same conversation after the reload.
      localStorage.setItem("mrbot_next_message", JSON.stringify({
        message: '/change_language{"language":"' + chosen + '"}',
        expiry: Date.now() + 60000
      }));
    }
    window.location.reload();
  });

  // Messages get their direction from their own text, and the payloads the page sends for
  // the citizen (a language switch) are not shown as if the citizen had typed them.
  function mark(root) {
    root.querySelectorAll(".rw-message, .rw-reply").forEach(function (element) {
      element.setAttribute("dir", "auto");
    });
    root.querySelectorAll(".rw-from-client").forEach(function (group) {
      if (/^\/\w+/.test(group.textContent.trim())) group.setAttribute("data-payload", "true");
    });
  }
  var container = document.getElementById("webchat");
  new MutationObserver(function () { mark(container); }).observe(container, { childList: true, subtree: true });

  window.WebChat.default({
    socketUrl: config.socketUrl,
    socketPath: "/socket.io/",
    customData: { language: language },
    initPayload: "/greet",
    title: "Citizen Services",
    subtitle: entry.autonym,
    inputTextFieldHint: "…",
    embedded: true,
    showFullScreenButton: false,
    showMessageDate: false,
    params: { storage: "local" }
  }, container);
})();
