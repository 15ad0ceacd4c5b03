import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { generateKeyPair, verifyText } from '../../../lib/playbook/signature';
import { basePlaybook, toYaml } from '../../unit/playbook/support';
import { FakeOptionsApi, SAMPLE_TEXT } from './fakeApi';

async function renderOptions(api = new FakeOptionsApi()) {
  const user = userEvent.setup();
  const view = render(<OptionsApp api={api} />);
  await screen.findByRole('heading', { name: 'Playbook source' });
  return { api, user, view };
}

const playbookFile = (text: string, name = 'team.yaml') =>
  new File([text], name, { type: 'application/yaml' });

describe('options page: sources', () => {
  it('shows the bundled sample as the active playbook for a new user', async () => {
    await renderOptions();
    expect(screen.getByText('Bundled sample')).toBeTruthy();
    expect(screen.getByText('2026.11.1')).toBeTruthy();
    expect(screen.getByText(/\(30 responses\)/)).toBeTruthy();
  });

  it('imports a file chosen with the file picker and shows it as active', async () => {
    const { api, user } = await renderOptions();
    const text = toYaml({ ...basePlaybook(), version: '2026.11.2' });
    await user.upload(screen.getByLabelText('Playbook file'), playbookFile(text));
    await screen.findByText('Imported file · team.yaml');
    expect(api.store.active?.version).toBe('2026.11.2');
    expect(screen.getByRole('status').textContent).toContain('Playbook 2026.11.2 is now active.');
  });

  it('imports a playbook and its signature dropped together', async () => {
    const { api } = await renderOptions();
    const text = toYaml(basePlaybook());
    const zone = screen.getByRole('region', { name: 'Import a file' });
    fireEvent.drop(zone, {
      dataTransfer: { files: [playbookFile(text, 'p.yaml'), new File(['c2ln'], 'p.yaml.sig')] },
    });
    await screen.findByText('Imported file · p.yaml');
    expect(api.store.active?.text).toBe(text);
  });

  it('keeps the previous playbook and lists the problems when the file is invalid', async () => {
    const { api, user } = await renderOptions();
    const bad = toYaml(basePlaybook()).replace('{first_name}', '{frist_name}');
    await user.upload(screen.getByLabelText('Playbook file'), playbookFile(bad));
    const alerts = await screen.findAllByRole('alert');
    const text = alerts.map((a) => a.textContent).join('\n');
    expect(text).toContain('responses[0].variants[0] (line');
    expect(text).toContain('unknown variable {frist_name}');
    expect(api.store.active).toBeNull();
    expect(screen.getByText('Bundled sample')).toBeTruthy();
    expect(screen.getByText(/The playbook above is still in use/)).toBeTruthy();
  });

  it('subscribes with the URL, pinned key and interval typed in', async () => {
    const { api, user } = await renderOptions();
    await user.type(screen.getByLabelText('Playbook URL (https)'), 'https://intranet.example/p.yaml');
    await user.type(screen.getByLabelText('Public key to pin (optional)'), 'KEY');
    await user.clear(screen.getByLabelText('Check every (minutes)'));
    await user.type(screen.getByLabelText('Check every (minutes)'), '30');
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    await screen.findByRole('button', { name: 'Unsubscribe' });
    expect(api.subscriptions).toEqual([
      { url: 'https://intranet.example/p.yaml', publicKey: 'KEY', refreshMinutes: 30 },
    ]);
    expect((screen.getByLabelText('Playbook file') as HTMLInputElement).disabled).toBe(true);
  });

  it('shows managed settings read-only when the source is locked by policy', async () => {
    await renderOptions(
      new FakeOptionsApi({ playbookUrl: 'https://corp.example/p.yaml', publicKey: 'PUB', lockSource: true }),
    );
    expect(screen.getByRole('heading', { name: 'Managed by your organisation' })).toBeTruthy();
    expect(screen.getByText('https://corp.example/p.yaml')).toBeTruthy();
    expect(screen.queryByLabelText('Playbook URL (https)')).toBeNull();
    expect(screen.queryByLabelText('Playbook file')).toBeNull();
  });
});

describe('options page: playbook editor', () => {
  it('lists and searches responses', async () => {
    const { user } = await renderOptions();
    const list = screen.getByRole('list', { name: 'Responses' });
    expect(within(list).getAllByRole('button')).toHaveLength(30);
    await user.type(screen.getByLabelText('Search responses'), 'decaf');
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    expect(within(list).getByText('Do you have decaf?')).toBeTruthy();
  });

  it('validates a variant as it is typed and previews it with sample values', async () => {
    const { user } = await renderOptions();
    const variant = screen.getByLabelText('Variant 1');
    expect(screen.getByText('Thank you, Maria! That made our morning. ^SK')).toBeTruthy();
    await user.clear(variant);
    await user.type(variant, 'Thanks {{frist_name}!');
    expect(variant.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/unknown variable \{frist_name\}/).length).toBeGreaterThan(0);
    expect(screen.getByText('1 error')).toBeTruthy();
  });

  it('counts X length with long names and flags a variant over the limit', async () => {
    const { user } = await renderOptions();
    const variant = screen.getByLabelText('Variant 1');
    await user.clear(variant);
    fireEvent.change(variant, { target: { value: `Hi {name}! ${'So kind of you. '.repeat(17)}` } });
    const counter = screen.getAllByText(/X: \d+ \/ 280 with long names/)[0];
    expect(counter?.className).toContain('over');
    expect(screen.getAllByText(/the limit is 280/).length).toBeGreaterThan(0);
  });

  it('adds, duplicates and deletes responses', async () => {
    const { user } = await renderOptions();
    const list = () => within(screen.getByRole('list', { name: 'Responses' })).getAllByRole('button');
    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(list()).toHaveLength(31);
    expect((screen.getByLabelText('Id') as HTMLInputElement).value).toBe('thanks-general-2');
    await user.click(screen.getByRole('button', { name: 'Add response' }));
    expect(list()).toHaveLength(32);
    expect((screen.getByLabelText('Id') as HTMLInputElement).value).toBe('new-response-1');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(list()).toHaveLength(31);
  });

  it('shows playbook text as text, never as markup', async () => {
    const api = new FakeOptionsApi();
    const p = basePlaybook();
    await api.importFile({ name: 'p.yaml', text: toYaml(p) });
    const { user } = await renderOptions(api);
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, '<b>bold</b>');
    const list = screen.getByRole('list', { name: 'Responses' });
    expect(within(list).getByText('<b>bold</b>')).toBeTruthy();
    expect(list.querySelector('b')).toBeNull();
    expect(screen.getAllByText(/playbook text is plain text only/).length).toBeGreaterThan(0);
  });

  it('edits voice rules and offers', async () => {
    const { user } = await renderOptions();
    await user.click(screen.getByRole('tab', { name: 'Brand and voice' }));
    const banned = screen.getByLabelText('Banned phrases (one per line)');
    await user.type(banned, '{Enter}no worries');
    await user.click(screen.getByRole('tab', { name: 'Offers' }));
    await user.click(screen.getByRole('button', { name: 'Add offer' }));
    await user.click(screen.getByRole('tab', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Export YAML' }));
    expect(screen.getByRole('status').textContent).toContain('Exported');
  });

  it('exports YAML that keeps the comments and order of the original file', async () => {
    const { api, user } = await renderOptions();
    await user.click(screen.getByRole('tab', { name: 'Brand and voice' }));
    const version = screen.getByLabelText('Version');
    await user.clear(version);
    await user.type(version, '2026.11.2');
    await user.click(screen.getByRole('tab', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Export YAML' }));
    const file = api.saved[0];
    expect(file?.name).toBe('playbook-2026.11.2.yaml');
    expect(file?.text).toBe(SAMPLE_TEXT.replace('version: "2026.11.1"', 'version: "2026.11.2"'));
  });

  it('signs the export when a private key is given', async () => {
    const keys = await generateKeyPair();
    const { api, user } = await renderOptions();
    await user.click(screen.getByRole('tab', { name: 'Export' }));
    fireEvent.change(screen.getByLabelText('Private signing key (optional, never stored)'), {
      target: { value: keys.privateKey },
    });
    await user.click(screen.getByRole('button', { name: 'Export and sign YAML' }));
    await waitFor(() => expect(api.saved).toHaveLength(2));
    const [yaml, sig] = api.saved;
    expect(sig?.name).toBe('playbook-2026.11.1.yaml.sig');
    expect(await verifyText(yaml?.text ?? '', sig?.text, keys.publicKey)).toEqual({ ok: true });
  });

  it('makes the edited playbook active in this browser', async () => {
    const { api, user } = await renderOptions();
    await user.click(screen.getByRole('tab', { name: 'Brand and voice' }));
    const version = screen.getByLabelText('Version');
    await user.clear(version);
    await user.type(version, '2026.12.0');
    await user.click(screen.getByRole('tab', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Use in this browser' }));
    await waitFor(() => expect(api.store.active?.version).toBe('2026.12.0'));
    expect(api.store.active?.source).toBe('file');
  });
});
