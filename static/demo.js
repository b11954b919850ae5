// The demo page's own script: logs the events the readers dispatch, and changes the readers
// live through attributes, the element's setFilter(), and removing and re-adding an element.

const log = document.getElementById('event-log');

for (const name of ['article-reader-open', 'article-reader-filter']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.target.id}: ${name} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

const world = document.getElementById('world');
let desk = document.getElementById('desk');
const deskParent = desk.parentElement;

const actions = {
  theme: () => world.setAttribute('theme', world.getAttribute('theme') === 'dark' ? 'light' : 'dark'),
  tags: () => world.setAttribute('tags', 'pakistan'),
  filter: () => desk.setFilter(['security']),
  remove: () => {
    if (desk.isConnected) {
      desk.remove();
    } else {
      deskParent.insertBefore(desk, deskParent.querySelector('.site-box'));
    }
  },
};

for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action]());
}
