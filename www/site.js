// Demo-page behaviour only (the widgets need none of this): language and
// large-text switches, the kind picker, and showing the last zc-change event.
function allWidgets() {
  return [...document.querySelectorAll('main *')].filter((e) => e.tagName.startsWith('ZC-'));
}

for (const radio of document.querySelectorAll('input[name="lang"]')) {
  radio.addEventListener('change', () => {
    document.documentElement.lang = radio.value;
    for (const w of allWidgets()) w.setAttribute('lang', radio.value);
  });
}

document.getElementById('large-text')?.addEventListener('change', (e) => {
  document.body.classList.toggle('large', e.target.checked);
  for (const w of allWidgets()) w.toggleAttribute('large-text', e.target.checked);
});

const kind = document.getElementById('id-kind');
kind?.addEventListener('change', () => {
  document.querySelector('zc-id-check').setAttribute('kind', kind.value);
});

document.addEventListener('zc-change', (e) => {
  const out = document.getElementById(`${e.target.localName.replace(/^zc-/, '')}-event`);
  if (out) out.textContent = JSON.stringify(e.detail, null, 2);
});
