// Administration console: a confirmation before a form with data-confirm is sent (block, delete…).
// Without JavaScript the form is sent straight away; every such change is in the audit trail.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
