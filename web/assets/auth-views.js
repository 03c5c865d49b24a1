// Sign-in, sign-up and e-mail confirmation screens, shared by the portal and the back-office.

import { h, setTitle, focusElement, notice } from './dom.js';
import { textField, showErrors, clearErrors, findField, whileBusy, formStatus } from './fields.js';
import * as auth from './auth.js';
import { navigate, flash } from './router.js';

// Kept in memory only (never stored) to sign in right after the code is confirmed.
let pendingPassword = '';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailProblem(value) {
  if (!value) return 'Saisissez votre adresse e-mail.';
  return EMAIL_PATTERN.test(value) ? null : 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
}

function showPasswordToggle(form) {
  const box = h('input', { type: 'checkbox', id: 'show-password' });
  box.addEventListener('change', () => {
    for (const input of form.querySelectorAll('input[data-password]')) input.type = box.checked ? 'text' : 'password';
  });
  return h('div', { class: 'choice' }, box, h('label', { for: 'show-password', text: 'Afficher le mot de passe' }));
}

function passwordField(id, label, autocomplete, hint = null) {
  const field = textField({ id, label, hint, type: 'password', required: true, autocomplete });
  field.querySelector('input').dataset.password = '';
  return field;
}

/** Collects [{wrapper, message}] from checks [[fieldId, message|null]]. */
function problems(form, checks) {
  return checks.filter(([, message]) => message).map(([id, message]) => ({ wrapper: findField(form, id), message }));
}

/** Shows an AuthError on its field, or as a general message. */
function showAuthError(form, error) {
  const wrapper = error.field ? findField(form, error.field) : null;
  showErrors(form, [{ wrapper, message: error.message }]);
}

function submitButton(text) {
  return h('button', { type: 'submit', class: 'button', text });
}

/**
 * The sign-in screen. Options: title, intro, signUpHash and confirmHash (portal only),
 * onSignedIn() called once signed in.
 */
export function signInView({ title = 'Se connecter', intro, signUpHash = null, confirmHash = null, onSignedIn }) {
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'sign-in-form' },
    textField({ id: 'email', label: 'Adresse e-mail', type: 'email', required: true, autocomplete: 'email' }),
    passwordField('password', 'Mot de passe', 'current-password'),
  );
  form.append(showPasswordToggle(form), h('div', { class: 'button-group' }, submitButton('Se connecter')), status);
  const view = h('div', {},
    h('h1', { text: title }),
    intro ? h('p', { text: intro }) : null,
    form,
    signUpHash ? h('p', {}, 'Vous n’avez pas de compte ? ', h('a', { href: signUpHash, text: 'Créer un compte' })) : null,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = form.email.value.trim();
    const password = form.password.value;
    clearErrors(form);
    const found = problems(form, [
      ['email', emailProblem(email)],
      ['password', password ? null : 'Saisissez votre mot de passe.'],
    ]);
    if (found.length) {
      showErrors(form, found);
      return;
    }
    whileBusy(form, status, 'Connexion en cours…', async () => {
      try {
        const result = await auth.signIn(email, password);
        if (result.challenge === 'NEW_PASSWORD_REQUIRED') view.replaceChildren(...newPasswordForm(email, result.session, onSignedIn));
        else if (result.signedIn) onSignedIn();
        else showErrors(form, [{ message: 'Ce mode de connexion n’est pas pris en charge.' }]);
      } catch (error) {
        if (error.code === 'UserNotConfirmedException' && confirmHash) {
          auth.setPendingEmail(email);
          pendingPassword = password;
          navigate(confirmHash);
        } else showAuthError(form, error);
      }
    });
  });
  return { title, content: view };
}

// For accounts created by an administrator: Cognito asks for a new password at first sign-in.
function newPasswordForm(email, session, onSignedIn) {
  const status = formStatus();
  const form = h('form', { novalidate: true },
    passwordField('new-password', 'Nouveau mot de passe', 'new-password', auth.PASSWORD_HINT));
  form.append(showPasswordToggle(form), h('div', { class: 'button-group' }, submitButton('Enregistrer et me connecter')), status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const password = form['new-password'].value;
    clearErrors(form);
    const found = problems(form, [['new-password', auth.passwordProblem(password)]]);
    if (found.length) {
      showErrors(form, found);
      return;
    }
    whileBusy(form, status, 'Enregistrement en cours…', async () => {
      try {
        await auth.setNewPassword(email, password, session);
        onSignedIn();
      } catch (error) {
        showAuthError(form, error.field === 'password' ? { ...error, message: error.message, field: 'new-password' } : error);
      }
    });
  });
  const heading = h('h1', { text: 'Choisissez un nouveau mot de passe' });
  setTitle('Choisissez un nouveau mot de passe');
  queueMicrotask(() => focusElement(heading));
  return [heading, h('p', { text: 'C’est votre première connexion : remplacez le mot de passe provisoire reçu.' }), form];
}

/** The sign-up screen (portal). */
export function signUpView({ signInHash, confirmHash }) {
  const status = formStatus();
  const form = h('form', { novalidate: true, 'data-testid': 'sign-up-form' },
    textField({ id: 'email', label: 'Adresse e-mail', type: 'email', required: true, autocomplete: 'email',
      hint: 'Nous vous enverrons un code pour la confirmer.' }),
    textField({ id: 'given_name', label: 'Prénom', required: true, autocomplete: 'given-name' }),
    textField({ id: 'family_name', label: 'Nom', required: true, autocomplete: 'family-name' }),
    passwordField('password', 'Mot de passe', 'new-password', auth.PASSWORD_HINT),
  );
  form.append(showPasswordToggle(form), h('div', { class: 'button-group' }, submitButton('Créer mon compte')), status);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {
      email: form.email.value.trim(),
      givenName: form.given_name.value.trim(),
      familyName: form.family_name.value.trim(),
      password: form.password.value,
    };
    clearErrors(form);
    const found = problems(form, [
      ['email', emailProblem(values.email)],
      ['given_name', values.givenName ? null : 'Saisissez votre prénom.'],
      ['family_name', values.familyName ? null : 'Saisissez votre nom.'],
      ['password', values.password ? auth.passwordProblem(values.password) : 'Choisissez un mot de passe.'],
    ]);
    if (found.length) {
      showErrors(form, found);
      return;
    }
    whileBusy(form, status, 'Création du compte en cours…', async () => {
      try {
        await auth.signUp(values);
        pendingPassword = values.password;
        navigate(confirmHash);
      } catch (error) {
        showAuthError(form, error);
      }
    });
  });

  return {
    title: 'Créer un compte',
    content: [
      h('h1', { text: 'Créer un compte' }),
      h('p', { text: 'Un seul compte vous permet de faire vos démarches auprès de toutes les collectivités de la plateforme.' }),
      form,
      h('p', {}, 'Vos données servent à gérer votre compte et vos demandes. ',
        h('a', { href: '/donnees-personnelles.html', text: 'En savoir plus sur vos données personnelles' })),
      h('p', {}, 'Vous avez déjà un compte ? ', h('a', { href: signInHash, text: 'Se connecter' })),
    ],
  };
}

/** The « Saisissez le code reçu par e-mail » screen (portal). */
export function confirmView({ signInHash, onSignedIn }) {
  const knownEmail = auth.pendingEmail();
  const status = formStatus();
  const messages = h('div');
  const form = h('form', { novalidate: true, 'data-testid': 'confirm-form' },
    knownEmail ? null : textField({ id: 'email', label: 'Adresse e-mail', type: 'email', required: true, autocomplete: 'email' }),
    textField({ id: 'confirmation-code', label: 'Code de confirmation', required: true, autocomplete: 'one-time-code',
      inputmode: 'numeric', width: 'short', hint: 'Le code comporte 6 chiffres, par exemple 123456.' }),
  );
  const resend = h('button', { type: 'button', class: 'button secondary', text: 'Recevoir un nouveau code' });
  form.append(h('div', { class: 'button-group' }, submitButton('Confirmer'), resend), status);
  const emailOf = () => knownEmail || form.email.value.trim();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = form['confirmation-code'].value.replace(/\s/g, '');
    clearErrors(form);
    messages.replaceChildren();
    const found = problems(form, [
      ['email', knownEmail ? null : emailProblem(emailOf())],
      ['confirmation-code', code ? null : 'Saisissez le code reçu par e-mail.'],
    ]);
    if (found.length) {
      showErrors(form, found);
      return;
    }
    whileBusy(form, status, 'Vérification du code…', async () => {
      try {
        await auth.confirmSignUp(emailOf(), code);
      } catch (error) {
        showAuthError(form, error);
        return;
      }
      if (pendingPassword) {
        try {
          await auth.signIn(emailOf(), pendingPassword);
          pendingPassword = '';
          flash('Votre adresse e-mail est confirmée. Vous êtes connecté.');
          onSignedIn();
          return;
        } catch {
          // Fall through: the account is confirmed, the person signs in by hand.
        }
      }
      flash('Votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.');
      navigate(signInHash);
    });
  });

  resend.addEventListener('click', async () => {
    clearErrors(form);
    messages.replaceChildren();
    const email = emailOf();
    const problem = emailProblem(email);
    if (problem) {
      showErrors(form, problems(form, [['email', problem]]));
      return;
    }
    try {
      await auth.resendCode(email);
      messages.replaceChildren(notice(`Un nouveau code a été envoyé à ${email}.`, 'success'));
    } catch (error) {
      showAuthError(form, error);
    }
  });

  return {
    title: 'Saisissez le code reçu par e-mail',
    content: [
      h('h1', { text: 'Saisissez le code reçu par e-mail' }),
      knownEmail
        ? h('p', {}, 'Nous avons envoyé un code de confirmation à ', h('strong', { text: knownEmail }), '. Il est valable 24 heures.')
        : h('p', { text: 'Saisissez votre adresse e-mail et le code de confirmation que vous avez reçu.' }),
      messages,
      form,
    ],
  };
}
