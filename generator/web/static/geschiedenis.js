// nota serve: the history page's "Deze versie terugzetten" (a new commit; nothing is rewritten).
// SPDX-License-Identifier: EUPL-1.2
"use strict";
(function () {
  const token = document.querySelector('meta[name="nota-token"]').content;
  function say(text) { const m = document.getElementById("melding"); if (m) m.textContent = text; }
  async function restore(button) {
    button.disabled = true;
    say("Bezig met terugzetten…");
    const r = await fetch("/geschiedenis/terugzetten", {
      method: "POST", headers: {"Content-Type": "application/json", "X-Nota-Token": token},
      body: JSON.stringify({naam: button.dataset.naam, commit: button.dataset.commit})});
    const text = await r.text();
    let answer;
    try { answer = JSON.parse(text); } catch (e) { answer = {gelukt: false, fout: [text || ("fout " + r.status)]}; }
    if (answer.gelukt) { location.reload(); return; }
    button.disabled = false;
    say("Niet teruggezet: " + (answer.fout || []).join("; "));
  }
  for (const b of document.querySelectorAll("button.terugzetten")) {
    b.addEventListener("click", () => restore(b));
  }
})();
