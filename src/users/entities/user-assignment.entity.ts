import { Entity, PrimaryColumn } from 'typeorm';

/** A project assigned to a project manager or an auditor. */
@Entity('user_project')
export class UserProject {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  projectId: number;
}

/** An organisation a coordinator coordinates: they see every project it leads or partners in. */
@Entity('user_organisation')
export class UserOrganisation {
  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @PrimaryColumn({ type: 'integer' })
  organisationId: number;
}
