import { BadRequestException } from '@nestjs/common';
import { t } from '../../common/i18n/text';
import type { ReportProject } from '../model/report-input.types';
import type { ReportTemplate } from './report-template.types';

/**
 * Which funder's form fits which project: a template names the funders (by code) or public calls
 * it is the form for; one without `appliesTo` is a general layout for any project.
 */
export function appliesTo(template: ReportTemplate, project: Pick<ReportProject, 'funders' | 'publicCall'>): boolean {
  const scope = template.appliesTo;
  if (!scope) return true;
  return project.funders.some((f) => scope.funders.includes(f.code)) || (project.publicCall !== null && scope.calls.includes(project.publicCall));
}

export function applicableTemplates(templates: ReportTemplate[], project: Pick<ReportProject, 'funders' | 'publicCall'>): ReportTemplate[] {
  return templates.filter((template) => appliesTo(template, project));
}

/** The funder's own form when one fits (the first by id), else the first general template. */
export function ownTemplate(templates: ReportTemplate[], project: Pick<ReportProject, 'funders' | 'publicCall'>): ReportTemplate {
  const fitting = applicableTemplates(templates, project);
  const own = fitting.find((template) => template.appliesTo !== null) ?? fitting[0];
  if (!own) throw new Error('No report template applies to every project: keep one without appliesTo in templates/');
  return own;
}

/** 400, naming the templates that do fit the project. */
export function notApplicable(template: ReportTemplate, project: ReportProject, templates: ReportTemplate[]): BadRequestException {
  const fitting = applicableTemplates(templates, project).map((t) => t.id).join(', ');
  return new BadRequestException({
    message: t(`Predloga ${template.id} ni obrazec financerja projekta ${project.code}`, `Template ${template.id} is not a form of ${project.code}'s funders`),
    errors: [
      {
        field: 'template',
        message: t(`za projekt ${project.code} izberite eno od predlog: ${fitting}`, `for ${project.code}, template must be one of: ${fitting}`),
      },
    ],
  });
}
