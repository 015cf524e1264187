// The staff navigation in real Chromium: Practice settings groups the settings pages by role with
// a breadcrumb back; the account menu is a keyboard disclosure; on a phone the main links fold
// behind a Menu button.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/browser';
import { browserSuite } from '../support/browser-suite';
import { createTestPractice, createTestStaff } from '../support/factories';

const suite = browserSuite();

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const breadcrumb = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumb' });

describe('staff navigation', () => {
  it('takes an admin to Services through Practice settings and back by the breadcrumb', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'], displayName: 'Ada Admin' });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await suite.signInAs(page, admin.email);

    // Settings pages are no longer in the main row; Practice settings leads to them.
    expect(await main(page).getByRole('link', { name: 'Services' }).count()).toBe(0);
    expect(await main(page).getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe('page');
    await main(page).getByRole('link', { name: 'Practice settings' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { level: 1, name: 'Practice settings' }).waitFor();
    for (const group of ['Scheduling', 'Clinical', 'Client communication', 'People and privacy']) {
      expect(await page.getByRole('region', { name: group }).count()).toBe(1);
    }
    const people = page.getByRole('region', { name: 'People and privacy' });
    expect(await people.getByRole('link').allTextContents()).toEqual(['Staff', 'Audit log', 'Data requests']);
    expect(await page.getByRole('link', { name: 'Services' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.getByText('Appointment types with their length, CPT code, fee and online booking.').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/navigation-settings-hub.png`, fullPage: true });

    await page.getByRole('region', { name: 'Scheduling' }).getByRole('link', { name: 'Services' }).click();
    await page.waitForURL(/\/admin\/services$/);
    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    expect((await breadcrumb(page).innerText()).replace(/\s+/g, ' ').trim()).toBe('Practice settings › Services');
    expect(await breadcrumb(page).locator('[aria-current="page"]').textContent()).toContain('Services');
    await page.screenshot({ path: `${SCREENSHOTS}/navigation-breadcrumb.png` });
    // The hub's link stays marked in the main row while on a settings page.
    expect(await main(page).getByRole('link', { name: 'Practice settings' }).getAttribute('class')).toContain('in-section');

    await breadcrumb(page).getByRole('link', { name: 'Practice settings' }).click();
    await page.waitForURL(/\/admin$/);
    expect(await main(page).getByRole('link', { name: 'Practice settings' }).getAttribute('aria-current')).toBe('page');
    // An admin who writes no notes still reaches note search from the main row.
    await main(page).getByRole('link', { name: 'Notes', exact: true }).click();
    await page.waitForURL(/\/notes\/search$/);
  });

  it('shows a clinician only their settings, and takes them to note templates', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Sam Rivera' });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await suite.signInAs(page, clinician.email);

    await main(page).getByRole('link', { name: 'Practice settings' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('region', { name: 'Clinical' }).waitFor();
    for (const adminOnly of ['Staff', 'Audit log', 'Data requests', 'Services', 'Rooms', 'Reminders', 'Compliance rules']) {
      expect(await page.getByRole('link', { name: adminOnly, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('region', { name: 'People and privacy' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Scheduling' }).getByRole('link').allTextContents()).toEqual(['Clinician hours']);

    await page.getByRole('link', { name: 'Note templates' }).click();
    await page.waitForURL(/\/admin\/templates$/);
    expect((await breadcrumb(page).innerText()).replace(/\s+/g, ' ').trim()).toBe('Practice settings › Note templates');
    await page.getByRole('link', { name: 'New template' }).click();
    await page.waitForURL(/\/admin\/templates\/new$/);
    await breadcrumb(page).getByRole('link', { name: 'Note templates' }).click();
    await page.waitForURL(/\/admin\/templates$/);

    // Notes is the to-do list; note search is one link away from its header.
    await main(page).getByRole('link', { name: 'Notes', exact: true }).click();
    await page.waitForURL(/\/notes$/);
    await page.getByRole('link', { name: 'Search notes' }).click();
    await page.waitForURL(/\/notes\/search$/);
    expect(await main(page).getByRole('link', { name: 'Notes', exact: true }).getAttribute('class')).toContain('in-section');
  });

  it('opens and closes the account menu from the keyboard, and signs out from it', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { displayName: 'Dr. Kim Lee' });
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await suite.signInAs(page, clinician.email);

    const account = page.getByRole('button', { name: 'Dr. Kim Lee: account menu' });
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'My account and security' }).count()).toBe(0);

    await account.focus();
    await page.keyboard.press('Enter');
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'My account and security' }).waitFor();
    expect(await page.getByRole('link', { name: 'My hours' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/navigation-account-menu.png` });
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent?.trim()')).toBe('My account and security');
    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'My account and security' }).count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-controls")')).toBe('account-menu-panel');

    // A click elsewhere closes it too.
    await page.keyboard.press('Enter');
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('heading', { level: 1 }).click();
    expect(await account.getAttribute('aria-expanded')).toBe('false');

    // Following a link closes it; My hours is the clinician's own availability.
    await account.click();
    await page.getByRole('link', { name: 'My hours' }).click();
    await page.waitForURL(/\/availability$/);
    expect(await account.getAttribute('aria-expanded')).toBe('false');

    await account.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/login/);
    expect(await page.evaluate('sessionStorage.getItem("solace.session")')).toBeNull();
  });

  it('folds the main links behind a Menu button on a phone', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'], displayName: 'Dr. Noor Haddad' });
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await suite.signInAs(page, clinician.email);

    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await main(page).getByRole('link', { name: 'Calendar' }).count()).toBe(0);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const links = await main(page).getByRole('link').allTextContents();
    expect(links.map((text) => text.trim())).toEqual(['Today', 'Calendar', 'Clients', 'Messages', 'Notes', 'Reviews', 'Waitlist', 'Compliance', 'Practice settings']);
    await page.screenshot({ path: `${SCREENSHOTS}/navigation-phone-menu.png` });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-controls")')).toBe('primary-nav');

    // A tap outside the open menu closes it.
    await page.keyboard.press('Enter');
    await main(page).getByRole('link', { name: 'Clients' }).waitFor();
    await page.touchscreen.tap(200, 800);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.tap();
    await main(page).getByRole('link', { name: 'Clients' }).tap();
    await page.waitForURL(/\/clients$/);
    // Arriving closes the menu; the next page's links are one tap away again.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.tap();
    expect(await main(page).getByRole('link', { name: 'Clients' }).getAttribute('aria-current')).toBe('page');
  });
});
