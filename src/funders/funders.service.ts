import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { CreateFunderDto, CreatePublicCallDto, UpdateFunderDto, UpdatePublicCallDto } from './dto/funder.dto';
import { Funder } from './funder.entity';
import { PublicCall } from './public-call.entity';

@Injectable()
export class FundersService {
  constructor(
    @InjectRepository(Funder) private readonly funders: Repository<Funder>,
    @InjectRepository(PublicCall) private readonly calls: Repository<PublicCall>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  listFunders(): Promise<Funder[]> {
    return this.funders.find({ order: { code: 'ASC' } });
  }

  /** The funder, or null: for callers that name the field themselves. */
  async getFunder(id: number): Promise<Funder> {
    const funder = await this.funders.findOneBy({ id });
    if (!funder) throw new NotFoundError(`Funder ${id} does not exist`);
    return funder;
  }

  createFunder(dto: CreateFunderDto, actor: Actor): Promise<Funder> {
    return this.transactions.run((em) => auditedCreate(this.ctx(em, actor, 'funder'), Funder, dto));
  }

  updateFunder(id: number, dto: UpdateFunderDto, actor: Actor): Promise<Funder> {
    return this.transactions.run(async (em) => (await auditedUpdate(this.ctx(em, actor, 'funder'), Funder, id, dto)).after);
  }

  async removeFunder(id: number, actor: Actor): Promise<void> {
    await this.transactions.run((em) => auditedDelete(this.ctx(em, actor, 'funder'), Funder, id));
  }

  listCalls(): Promise<PublicCall[]> {
    return this.calls.find({ order: { id: 'ASC' } });
  }

  async getCall(id: number): Promise<PublicCall> {
    const call = await this.calls.findOneBy({ id });
    if (!call) throw new NotFoundError(`Public call ${id} does not exist`);
    return call;
  }

  createCall(dto: CreatePublicCallDto, actor: Actor): Promise<PublicCall> {
    return this.transactions.run(async (em) => {
      await this.assertFunderExists(em, dto.funderId);
      return auditedCreate(this.ctx(em, actor, 'public_call'), PublicCall, { reference: null, ...dto });
    });
  }

  updateCall(id: number, dto: UpdatePublicCallDto, actor: Actor): Promise<PublicCall> {
    return this.transactions.run(async (em) => {
      if (dto.funderId !== undefined) await this.assertFunderExists(em, dto.funderId);
      return (await auditedUpdate(this.ctx(em, actor, 'public_call'), PublicCall, id, dto)).after;
    });
  }

  async removeCall(id: number, actor: Actor): Promise<void> {
    await this.transactions.run((em) => auditedDelete(this.ctx(em, actor, 'public_call'), PublicCall, id));
  }

  private async assertFunderExists(em: EntityManager, funderId: number): Promise<void> {
    if (!(await em.existsBy(Funder, { id: funderId }))) {
      throw new RuleViolationError('Unknown funder', [{ field: 'funderId', message: `funder ${funderId} does not exist` }]);
    }
  }

  private ctx(em: EntityManager, actor: Actor, entityType: string): AuditContext {
    return { em, audit: this.audit, actor, entityType };
  }
}
