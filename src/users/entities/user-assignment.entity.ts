import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Funder } from '../../funders/funder.entity';
import { PublicCall } from '../../funders/public-call.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Project } from '../../projects/entities/project.entity';
import { User } from './user.entity';

/**
 * A project assigned to a project manager or an auditor. Goes with the user or the project: a
 * deleted project's deletion is in the audit trail, and the assignment means nothing without it.
 */
@Entity('user_project')
export class UserProject {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  projectId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project?: Project;
}

/** An organisation a coordinator coordinates: they see every project it leads or partners in. */
@Entity('user_organisation')
export class UserOrganisation {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  organisationId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Organisation;
}

/**
 * A funder (optionally one public call of it) whose contracts a reviewer (skrbnik pogodbe)
 * oversees: they read the projects it finances. No row means no project.
 */
@Entity('user_funder')
@Unique('uq_user_funder', ['userId', 'funderId', 'publicCallId'])
export class UserFunder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Column({ type: 'integer' })
  funderId: number;

  @ManyToOne(() => Funder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'funderId' })
  funder?: Funder;

  @Column({ type: 'integer', nullable: true })
  publicCallId: number | null;

  @ManyToOne(() => PublicCall, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'publicCallId' })
  publicCall?: PublicCall | null;
}
