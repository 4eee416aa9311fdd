import { registryContract } from '../../../miniprogram/core/contracts/registry';
import { defineRouter } from '../../_lib/router';
import { applyImport } from './actions/apply-import';
import { importTemplate } from './actions/import-template';
import { previewImport } from './actions/preview-import';

export const router = defineRouter(registryContract, {
  importTemplate,
  previewImport,
  applyImport,
});
