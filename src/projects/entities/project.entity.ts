import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { FundingPeriod } from './funding-period.entity';
import { ProjectPartner } from './project-partner.entity';

export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

@Entity('project')
export class Project {
  @PrimaryGeneratedColumn()
  id: number;

  /** Short unique code used in URLs and file names, e.g. `AS`, `NOVUS-HUB`. */
  @Column({ type: 'varchar', length: 30, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'integer' })
  leadOrganisationId: number;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadOrganisationId' })
  leadOrganisation?: Organisation;

  /** Places or municipalities where the project runs. */
  @Column({ type: 'simple-json' })
  places: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: ProjectStatus;

  /** The operation as the managing authority registers it (e-MA); null where the sources give none. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  operationId: string | null;

  @Column({ type: 'text', nullable: true })
  operationName: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  priorityAxis: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  investmentPriority: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  specificObjective: string | null;

  /** Kohezijska regija, e.g. "Kohezijska regija Vzhodna Slovenija (KRVS)". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  cohesionRegion: string | null;

  @OneToMany(() => ProjectPartner, (p) => p.project)
  partners?: ProjectPartner[];

  @OneToMany(() => FundingPeriod, (p) => p.project)
  fundingPeriods?: FundingPeriod[];
}
