// Each job's progress follows its job: it asks for the state every second and
// redraws the bar; once the job is over, the job's own page opens its result
// (data-job-open-result), and any other page reloads to show how it ended.
for (const box of document.querySelectorAll("[data-job-poll]")) {
  const bar = box.querySelector("[data-job-bar]");
  const percent = box.querySelector("[data-job-percent]");
  const status = box.querySelector("[data-job-status]");
  const stage = box.querySelector("[data-job-stage]");

  const poll = async () => {
    let state;
    try {
      const response = await fetch(box.dataset.jobPoll, { credentials: "same-origin" });
      if (!response.ok) throw new Error(response.statusText);
      state = await response.json();
    } catch {
      setTimeout(poll, 3000); // a hiccup of the network: try again later
      return;
    }
    bar.value = state.percent;
    percent.textContent = state.percent_text;
    status.textContent = state.status_text;
    if (stage) stage.textContent = state.stage_text;
    if (!state.finished) {
      setTimeout(poll, 1000);
    } else if (state.result_url && box.dataset.jobOpenResult !== undefined) {
      window.location.assign(state.result_url);
    } else {
      window.location.reload();
    }
  };
  setTimeout(poll, 1000);
}
