// Presenter mode: autosave while typing, and keyboard navigation between questions.
(() => {
  const root = document.querySelector("[data-presenter]");
  if (!root) return;
  const form = root.querySelector("form[data-autosave]");
  const status = root.querySelector("[data-save-status]");
  let timer = null;
  let dirty = false;
  let conflicted = false;
  // One save at a time, in order: two overlapping requests could otherwise
  // reach the server the wrong way round and store the older text.
  let saving = Promise.resolve(true);

  function save() {
    saving = saving.then(send);
    return saving;
  }

  async function send() {
    if (!form || !dirty || conflicted) return !dirty;
    dirty = false;
    status.textContent = status.dataset.saving || "…";
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
      });
      if (response.status === 409) {
        showConflict((await response.json()).conflict);
        return false;
      }
      if (response.status === 423) {
        // Planning was closed meanwhile: keep the text, stop saving by itself.
        dirty = true;
        conflicted = true;
        status.textContent = root.dataset.closed;
        return false;
      }
      if (!response.ok) throw new Error(String(response.status));
      form.elements.revision.value = (await response.json()).revision;
      status.textContent = root.dataset.saved;
      return true;
    } catch {
      dirty = true;
      status.textContent = root.dataset.failed;
      return false;
    }
  }

  // Someone else saved this question since the page was opened: show their
  // text beside this person's, and stop saving by itself. Pressing Save
  // replaces theirs, deliberately (the form now carries their revision).
  function showConflict(theirs) {
    dirty = true;
    conflicted = true;
    const panel = root.querySelector("[data-conflict]");
    panel.querySelector("[data-conflict-by]").textContent = theirs.by;
    panel.querySelector("[data-conflict-notes]").textContent = theirs.notes;
    panel.querySelector("[data-conflict-agreed]").textContent = theirs.agreed;
    panel.hidden = false;
    form.elements.revision.value = theirs.revision;
    status.textContent = root.dataset.conflicted;
  }

  if (form) {
    form.addEventListener("input", () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, 800);
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      dirty = true;
      conflicted = false;
      root.querySelector("[data-conflict]").hidden = true;
      await save();
    });
  }

  async function go(url) {
    if (!url) return;
    clearTimeout(timer);
    if (await save()) window.location.assign(url);
  }

  document.addEventListener("keydown", (event) => {
    if (!event.altKey) return;
    if (event.key === "ArrowRight") { event.preventDefault(); go(root.dataset.next); }
    if (event.key === "ArrowLeft") { event.preventDefault(); go(root.dataset.prev); }
    if (event.key === "j" || event.key === "J") {
      event.preventDefault();
      root.querySelector("[data-jump]").focus();
    }
  });

  // Next, Previous and Leave presenter mode all save before they go.
  root.querySelectorAll(".presenter-nav a, a[data-leave]").forEach((link) => {
    link.addEventListener("click", (event) => { event.preventDefault(); go(link.href); });
  });
  const jump = root.querySelector(".presenter-jump");
  jump.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("q", jump.querySelector("[data-jump]").value);
    go(url.toString());
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
})();
