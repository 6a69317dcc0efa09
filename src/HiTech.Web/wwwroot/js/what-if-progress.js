// While a what-if run is queued or running, reload its page every two seconds so the progress and then the result
// appear without a click. Without script the page's "Check progress" link does the same.
(function () {
  'use strict';
  var status = document.getElementById('run-status');
  if (!status) {
    return;
  }
  var state = status.getAttribute('data-status');
  if (state === 'queued' || state === 'running') {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
