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

  @OneToMany(() => ProjectPartner, (p) => p.project)
  partners?: ProjectPartner[];

  @OneToMany(() => FundingPeriod, (p) => p.project)
  fundingPeriods?: FundingPeriod[];
}
