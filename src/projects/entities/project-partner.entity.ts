import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { Project } from './project.entity';

export const PARTNER_ROLES = ['lead', 'partner', 'stakeholder'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

@Entity('project_partner')
@Unique('uq_project_partner', ['projectId', 'organisationId'])
export class ProjectPartner {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, (p) => p.partners, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;

  @Column({ type: 'integer' })
  organisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 20 })
  role: PartnerRole;

  /** What the partner does, e.g. "predstavnik delodajalcev". */
  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;
}
