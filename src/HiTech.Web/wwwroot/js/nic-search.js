// As-you-type search for NIC 2008 codes on /enterprise/activities/find.
// Progressive enhancement: the page works without this script (type, press Search, choose from the list).
// With it, results come from GET /api/v1/classify?q=... while the user types, rendered into the same
// radio list the server renders. Texts come from data attributes the server writes in the user's language.
(function () {
  'use strict';

  var input = document.querySelector('[data-nic-search-input]');
  var status = document.getElementById('nic-status');
  var choose = document.getElementById('nic-choose');
  var radios = document.getElementById('nic-radios');
  var chooseQuery = document.getElementById('nic-choose-q');
  var broader = document.getElementById('nic-broader');
  var broaderList = document.getElementById('nic-broader-list');
  if (!input || !status || !choose || !radios || !broader || !broaderList || !window.fetch) {
    return;
  }

  var max = 30;
  var delay = 250;
  var timer = null;
  var ticket = 0;
  var shown = input.value.trim();

  function format(template, values) {
    return (template || '').replace(/\{(\d+)\}/g, function (_, i) {
      return values[Number(i)];
    });
  }

  // Only classes (4 digits) and sub-classes (5 digits) can be an activity; broader codes help narrow down.
  function selectable(entry) {
    return entry.level === 'class' || entry.level === 'subclass';
  }

  // A Malayalam page shows the Malayalam title; where there is none yet, the English one marked as English.
  function title(entry, into) {
    into.appendChild(document.createTextNode(entry.code + ' \u2013 '));
    if (document.documentElement.lang !== 'ml') {
      into.appendChild(document.createTextNode(entry.title));
    } else if (entry.title_ml) {
      into.appendChild(document.createTextNode(entry.title_ml));
    } else {
      var english = document.createElement('span');
      english.lang = 'en';
      english.textContent = entry.title;
      var note = document.createElement('span');
      note.className = 'hitech-in-english';
      note.textContent = '(' + status.getAttribute('data-in-english') + ')';
      into.appendChild(english);
      into.appendChild(document.createTextNode(' '));
      into.appendChild(note);
    }
  }

  function radio(entry, index) {
    var id = index === 0 ? 'Code' : 'Code-' + (index + 1);
    var item = document.createElement('div');
    item.className = 'govuk-radios__item';
    var field = document.createElement('input');
    field.className = 'govuk-radios__input';
    field.type = 'radio';
    field.name = 'Code';
    field.id = id;
    field.value = entry.code;
    var label = document.createElement('label');
    label.className = 'govuk-label govuk-radios__label';
    label.htmlFor = id;
    title(entry, label);
    item.appendChild(field);
    item.appendChild(label);
    return item;
  }

  function link(entry) {
    var item = document.createElement('li');
    var anchor = document.createElement('a');
    anchor.className = 'govuk-link';
    anchor.href = '/enterprise/activities/find?q=' + encodeURIComponent(entry.code);
    anchor.setAttribute('data-code', entry.code);
    title(entry, anchor);
    item.appendChild(anchor);
    return item;
  }

  function render(query, entries) {
    var count = 0;
    radios.textContent = '';
    broaderList.textContent = '';
    entries.forEach(function (entry) {
      if (selectable(entry)) {
        radios.appendChild(radio(entry, count));
        count += 1;
      } else {
        broaderList.appendChild(link(entry));
      }
    });
    choose.hidden = count === 0;
    broader.hidden = broaderList.children.length === 0;
    if (chooseQuery) {
      chooseQuery.value = query;
    }
    status.textContent = entries.length === 0
      ? format(status.getAttribute('data-none'), [query])
      : format(status.getAttribute('data-count'), [count, query]);
  }

  function search() {
    var query = input.value.trim();
    if (query === shown) {
      return;
    }
    if (query.length < 2) {
      return;
    }
    var mine = ++ticket;
    fetch('/api/v1/classify?q=' + encodeURIComponent(query) + '&max=' + max, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (entries) {
        if (mine === ticket) {
          shown = query;
          render(query, entries);
        }
      })
      .catch(function () {
        if (mine === ticket) {
          status.textContent = status.getAttribute('data-error') || '';
        }
      });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, delay);
  });

  // A broader heading searches for the codes within it, in place.
  broaderList.addEventListener('click', function (event) {
    var anchor = event.target.closest ? event.target.closest('a[data-code]') : null;
    if (!anchor) {
      return;
    }
    event.preventDefault();
    input.value = anchor.getAttribute('data-code');
    search();
    input.focus();
  });
})();
