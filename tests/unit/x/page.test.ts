import { beforeEach, describe, expect, it } from 'vitest';
import { brandAccounts, xAdapter } from '../../../lib/sites/x/adapter';

const kind = (href: string) => xAdapter.pageKind(new URL(href));

describe('X pages', () => {
  it('handles x.com and twitter.com on any path, and nothing else', () => {
    for (const href of [
      'https://x.com/',
      'https://x.com/acmecoffee/status/1',
      'https://twitter.com/home',
      'https://mobile.twitter.com/notifications',
      'https://www.x.com/search?q=acme',
    ]) {
      expect(xAdapter.matches(new URL(href))).toBe(true);
    }
    for (const href of ['https://www.facebook.com/', 'https://x.company.com/', 'https://notx.com/home']) {
      expect(xAdapter.matches(new URL(href))).toBe(false);
    }
  });

  it('tells status, notifications, home, profile, search and other pages apart', () => {
    expect(kind('https://x.com/acmecoffee/status/1992318840123456512')).toBe('status');
    expect(kind('https://x.com/acmecoffee/status/1992318840123456512/photo/1')).toBe('status');
    expect(kind('https://x.com/i/web/status/1992318840123456512')).toBe('status');
    expect(kind('https://x.com/notifications')).toBe('notifications');
    expect(kind('https://x.com/notifications/mentions')).toBe('notifications');
    expect(kind('https://x.com/home')).toBe('home');
    expect(kind('https://x.com/')).toBe('home');
    expect(kind('https://x.com/acmecoffee')).toBe('profile');
    expect(kind('https://x.com/acmecoffee/with_replies')).toBe('profile');
    expect(kind('https://x.com/search?q=%40acmecoffee&f=live')).toBe('search');
    expect(kind('https://x.com/settings/account')).toBe('other');
    expect(kind('https://x.com/messages')).toBe('other');
    expect(kind('https://x.com/acmecoffee/followers')).toBe('other');
  });
});

describe('the signed-in X account', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('is read from the account menu in the side nav', () => {
    document.body.innerHTML = `
      <button data-testid="SideNav_AccountSwitcher_Button" aria-label="Account menu">
        <div><span>Acme Coffee</span></div><div><span>@AcmeCoffee</span></div>
      </button>
      <a data-testid="AppTabBar_Profile_Link" href="/someoneelse">Profile</a>`;
    expect(xAdapter.signedInAccount(document)).toBe('AcmeCoffee');
    expect(brandAccounts([], document)).toEqual(['acmecoffee']);
  });

  it('falls back to the Profile tab when the account menu is not shown', () => {
    document.body.innerHTML =
      '<nav><a data-testid="AppTabBar_Profile_Link" href="/acmehelp">Profile</a></nav>';
    expect(xAdapter.signedInAccount(document)).toBe('acmehelp');
  });

  it('is unknown on a signed-out page', () => {
    document.body.innerHTML = '<a href="/login">Log in</a>';
    expect(xAdapter.signedInAccount(document)).toBeNull();
    expect(brandAccounts(undefined, document)).toEqual([]);
  });
});
