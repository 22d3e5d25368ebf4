import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { OpenWorkRepository } from './open-work.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AccountsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, OpenWorkRepository],
  exports: [UsersService, UsersRepository, TypeOrmModule],
})
export class UsersModule {}
