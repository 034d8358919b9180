import { ReportsService } from './reports.service';
import { listTemplates } from './templates/template-loader';

/** ReportsService's templates: read once, the same for every report, and not changed by any. */
describe('ReportsService templates', () => {
  // The templates need none of the figures' reads.
  const reports = () => new ReportsService(null as never);

  it('answers the templates of templates/ as the loader reads them, and each by id', () => {
    const service = reports();
    expect(service.templates()).toEqual(listTemplates());
    for (const template of listTemplates()) expect(service.template(template.id)).toEqual(template);
  });

  it('reads them once: the same objects for every report, frozen to the last field', () => {
    const service = reports();
    const [first] = service.templates();
    expect(service.templates()[0]).toBe(first);
    expect(service.template(first.id)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as unknown as { title: string }).title = 'drugačen naslov';
    }).toThrow(TypeError);
    const nested = Object.values(first).find((v) => v !== null && typeof v === 'object') as object;
    expect(Object.isFrozen(nested)).toBe(true);
    // A caller may sort or filter the list it gets without changing the next caller's.
    service.templates().reverse();
    expect(service.templates()[0]).toBe(first);
  });

  it('refuses an unknown id naming the templates there are', () => {
    expect(() => reports().template('ni-ga')).toThrow('Unknown template');
  });
});
