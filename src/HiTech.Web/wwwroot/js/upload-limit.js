// A file over the upload limit is refused here, before minutes of sending it, with the page's own words (from the
// input's data attributes, in the user's language). Without script the server refuses it with the same message.
(function () {
  'use strict';
  document.querySelectorAll('input[type="file"][data-max-bytes]').forEach(function (input) {
    var form = input.form;
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      var max = Number(input.getAttribute('data-max-bytes'));
      var file = input.files && input.files[0];
      if (!file || !(file.size > max)) {
        return;
      }
      event.preventDefault();
      showError(input, input.getAttribute('data-too-large') || '');
    });
  });

  function showError(input, message) {
    var group = input.closest('.govuk-form-group');
    var errorId = input.id + '-error';
    var error = document.getElementById(errorId);
    if (!error) {
      error = document.createElement('p');
      error.id = errorId;
      error.className = 'govuk-error-message';
      input.parentNode.insertBefore(error, input);
      var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      described.push(errorId);
      input.setAttribute('aria-describedby', described.join(' '));
    }
    error.textContent = '';
    var hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = (input.getAttribute('data-error-prefix') || 'Error:') + ' ';
    error.appendChild(hidden);
    error.appendChild(document.createTextNode(message));
    if (group) {
      group.classList.add('govuk-form-group--error');
    }
    input.classList.add('govuk-file-upload--error');
    showSummary(input, message);
  }

  function showSummary(input, message) {
    var column = input.closest('.govuk-grid-column-two-thirds') || document.querySelector('main') || document.body;
    var old = column.querySelector('.govuk-error-summary');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var summary = document.createElement('div');
    summary.className = 'govuk-error-summary';
    summary.setAttribute('tabindex', '-1');
    var alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    var title = document.createElement('h2');
    title.className = 'govuk-error-summary__title';
    title.textContent = input.getAttribute('data-summary-title') || '';
    var body = document.createElement('div');
    body.className = 'govuk-error-summary__body';
    var list = document.createElement('ul');
    list.className = 'govuk-list govuk-error-summary__list';
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = '#' + input.id;
    link.textContent = message;
    item.appendChild(link);
    list.appendChild(item);
    body.appendChild(list);
    alert.appendChild(title);
    alert.appendChild(body);
    summary.appendChild(alert);
    column.insertBefore(summary, column.firstChild);
    summary.focus();
  }
})();
