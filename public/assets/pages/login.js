import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors, errorSummary, field, showErrors } from '../forms.js';
import { t } from '../i18n.js';
import { errorText, notice, pageHeading, setTitle } from '../ui.js';

/** Login with username and password; the API sets the HttpOnly session cookie. */
export async function loginPage(ctx) {
  setTitle(t('login.title'));
  const flash = ctx.takeFlash();
  const username = field({ name: 'username', label: t('login.username'), required: true, attrs: { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' } });
  const password = field({ name: 'password', label: t('login.password'), type: 'password', required: true, attrs: { autocomplete: 'current-password' } });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'stack', novalidate: true, onsubmit: onSubmit }, errorSummary(), username.wrapper, password.wrapper, h('div', { class: 'actions' }, submit));

  replace(
    ctx.el,
    h(
      'div',
      { class: 'login-layout' },
      h(
        'div',
        { class: 'panel login-panel' },
        pageHeading(t('login.title')),
        h('p', { class: 'lead' }, t('login.intro')),
        flash ? notice('info', h('p', {}, flash)) : null,
        form,
      ),
    ),
  );
  username.input.focus();

  async function onSubmit(event) {
    event.preventDefault();
    clearErrors(form);
    const missing = [];
    if (!username.input.value.trim()) missing.push({ field: 'username', message: t('login.usernameRequired') });
    if (!password.input.value) missing.push({ field: 'password', message: t('login.passwordRequired') });
    if (missing.length) return showErrors(form, missing);
    submit.disabled = true;
    try {
      await api.post('/api/auth/login', { username: username.input.value.trim(), password: password.input.value });
      await ctx.signedIn();
    } catch (error) {
      password.input.value = '';
      const message = error.status === 401 ? t('login.wrong') : errorText(error);
      showErrors(form, error.status === 401 ? [] : error.fieldErrors, message);
      (error.status === 401 ? username.input : form.querySelector('.form-errors'))?.focus();
    } finally {
      submit.disabled = false;
    }
  }
}
