// The new-password checklist: the rules of PasswordPolicy, checked as the person types.
// The server checks them again; without this script the list is a plain reminder.
(() => {
  "use strict";

  // Same rule as PasswordPolicy.LeansOn: a personal word of 4+ letters at the heart of the password.
  const leansOn = (password, word, min) => word.split(/[. \-@]/).filter((part) => part.length >= 4)
    .some((part) => password.toLowerCase().includes(part.toLowerCase()) && password.length - part.length < min - 2);

  document.querySelectorAll("[data-new-password]").forEach((box) => {
    const input = box.querySelector("[data-password]");
    const confirmation = box.querySelector("[data-password-confirm]");
    if (!input || !confirmation) return;
    const min = Number(box.dataset.min);
    const max = Number(box.dataset.max);
    const words = JSON.parse(box.dataset.words || "[]");
    const common = new Set(JSON.parse(box.dataset.common || "[]").map((p) => p.toLowerCase()));

    const check = () => {
      const password = input.value;
      const typed = password.length > 0;
      const met = {
        TooShort: password.length >= min,
        TooLong: password.length <= max,
        ContainsLogin: !words.some((word) => leansOn(password, word, min)),
        Common: !(common.has(password.toLowerCase()) || (typed && [...password].every((c) => c === password[0]))),
        Confirmation: confirmation.value.length > 0 && confirmation.value === password,
      };
      box.querySelectorAll("[data-rule]").forEach((item) => {
        const rule = item.dataset.rule;
        // Live, a rule not met yet is "pending" (grey), not an error: the person is still typing.
        const shown = rule === "Confirmation" ? confirmation.value.length > 0 : typed;
        item.classList.toggle("ok", shown && met[rule]);
        item.classList.toggle("pending", shown && !met[rule]);
        item.classList.remove("broken");
        if (rule === "TooLong") item.hidden = met[rule];
        const state = item.querySelector("[data-rule-state]");
        if (state) state.textContent = shown ? (met[rule] ? box.dataset.met : box.dataset.unmet) : "";
      });
      // Not flagged invalid while typing; a password that meets every rule clears the server's flag.
      if (met.TooShort && met.TooLong && met.ContainsLogin && met.Common) input.removeAttribute("aria-invalid");
    };

    input.addEventListener("input", check);
    confirmation.addEventListener("input", check);
    if (input.value || confirmation.value) check();
  });
})();
