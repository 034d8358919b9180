import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { NotFoundError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Organisation[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  async get(id: number): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw new NotFoundError(`Organisation ${id} does not exist`);
    return organisation;
  }

  create(dto: CreateOrganisationDto, actor: Actor): Promise<Organisation> {
    return this.transactions.run((em) =>
      auditedCreate(this.ctx(em, actor), Organisation, { shortName: null, registrationNumber: null, place: null, ...dto }),
    );
  }

  update(id: number, dto: UpdateOrganisationDto, actor: Actor): Promise<Organisation> {
    return this.transactions.run(async (em) => (await auditedUpdate(this.ctx(em, actor), Organisation, id, dto)).after);
  }

  async remove(id: number, actor: Actor): Promise<void> {
    await this.transactions.run((em) => auditedDelete(this.ctx(em, actor), Organisation, id));
  }

  private ctx(em: EntityManager, actor: Actor): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'organisation' };
  }
}
